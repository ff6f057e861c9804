'use strict';

// Refreshes the page from the JSON API every two seconds. Text from the server only ever goes into textContent.

const REFRESH_MS = 2000;
const HEARD_SHOWN = 200;
let heardNext = 0;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function row(cells) {
  const tr = element('tr');
  for (const cell of cells) {
    tr.append(cell);
  }
  return tr;
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(path + ' answered ' + response.status);
  }
  return response.json();
}

function showInfo(info) {
  document.getElementById('info-server').textContent = info.server;
  document.getElementById('info-context').textContent = info.context;
  document.getElementById('info-version').textContent = info.version === '' ? '(unversioned)' : info.version;
  document.title = 'Catalogue ' + info.context + (info.version === '' ? '' : ' ##' + info.version);
}

function showItems(items) {
  const rows = items.map((item) => {
    const tr = row([
      element('td', String(item.id), 'number'),
      element('td', item.name),
      element('td', String(item.stock), 'number'),
    ]);
    tr.title = 'Click to edit';
    tr.addEventListener('click', () => fillForm(item));
    return tr;
  });
  document.getElementById('items').replaceChildren(...rows);
}

function fillForm(item) {
  const form = document.getElementById('edit');
  form.elements.id.value = item.id;
  form.elements.name.value = item.name;
  form.elements.stock.value = item.stock;
}

function origin(entry) {
  return entry.server + ' ' + entry.context + (entry.version === '' ? '' : ' ##' + entry.version);
}

// The heard log can hold 100,000 entries: the page shows the newest HEARD_SHOWN and asks only for what is new,
// by the log's own indexes (they never shift when the log drops old entries).
async function showNewHeard() {
  const response = await fetch('api/heard?from=' + heardNext + '&limit=' + HEARD_SHOWN, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error('api/heard answered ' + response.status);
  }
  const entries = await response.json();
  const first = Number(response.headers.get('X-Log-First-Index'));
  const next = Number(response.headers.get('X-Log-Next-Index'));
  const body = document.getElementById('heard');
  for (const entry of entries) {
    body.prepend(row([
      element('td', new Date(entry.publishedAt).toLocaleTimeString()),
      element('td', origin(entry)),
      element('td', entry.action),
      element('td', entry.dataSource + '.' + entry.table),
      element('td', JSON.stringify(entry.keys), 'code'),
      element('td', JSON.stringify(entry.columns), 'code'),
    ]));
  }
  while (body.rows.length > HEARD_SHOWN) {
    body.lastElementChild.remove();
  }
  // Skip a backlog larger than the table shows: the next request fetches the newest entries.
  heardNext = Math.max(Math.max(heardNext, first) + entries.length, next - HEARD_SHOWN);
  document.getElementById('heard-empty').hidden = body.rows.length > 0;
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const [info, items] = await Promise.all([getJson('api/info'), getJson('api/items')]);
    showInfo(info);
    showItems(items);
    await showNewHeard();
    status.textContent = '';
  } catch (error) {
    status.textContent = 'Could not refresh: ' + error.message;
  }
}

async function save(event) {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById('edit-result');
  const id = form.elements.id.value;
  const response = await fetch('api/items/' + encodeURIComponent(id), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: form.elements.name.value, stock: Number(form.elements.stock.value) }),
  });
  const answer = await response.json();
  result.className = response.ok ? '' : 'error';
  result.textContent = response.ok
    ? 'Saved item ' + answer.id + ' and told the other copies.'
    : 'Not saved: ' + answer.error;
  refresh();
}

document.getElementById('edit').addEventListener('submit', save);
refresh();
setInterval(refresh, REFRESH_MS);
