package io.warcast.sample;

import io.warcast.api.ClientInfo;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON API under {@code /api}:
 *
 * <pre>
 * GET    /api/info          which copy of the app answers
 * GET    /api/items         every item this copy has
 * GET    /api/items/{id}    one item
 * PUT    /api/items/{id}    save an item ({"name": "...", "stock": n}) and tell the others
 * DELETE /api/items/{id}    delete an item and tell the others
 * GET    /api/heard         the changes heard from the others, oldest first; ?from=index&amp;limit=n to page
 * GET    /api/flushes       the cache flushes heard, likewise
 * </pre>
 *
 * <p>Every request gets an HTTP session, which is what keeps a client on one version of a parallel deployment.
 * {@code /api/info}, which the page calls first, labels the session {@code client=sample-ui} ({@link ClientInfo}) so
 * the operator's session view shows who is on which version.
 * Paged lists give the index of their oldest kept entry and of the next entry to come in the
 * {@value #FIRST_INDEX_HEADER} and {@value #NEXT_INDEX_HEADER} headers.
 */
@WebServlet("/api/*")
public final class CatalogApiServlet extends HttpServlet {

    /** The {@link ClientInfo} label of the sessions this API serves. */
    static final String CLIENT_LABEL = "sample-ui";

    static final String FIRST_INDEX_HEADER = "X-Log-First-Index";
    static final String NEXT_INDEX_HEADER = "X-Log-Next-Index";

    /** The largest request body read, in bytes; an item is far smaller. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(CatalogApiServlet.class.getName());
    private static final String ITEMS_PREFIX = "/items/";
    private static final String RESTOCK_SUFFIX = "/restock";

    private final Json json = new Json();
    private final ApiRequests requests = new ApiRequests(json);
    private SampleApp app;

    @Override
    public void init() {
        app = SampleApp.of(getServletContext());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getSession(true);
        try {
            route(request, response);
        } catch (ApiException refused) {
            send(response, refused.status(), JsonShapes.error(refused.getMessage()));
        } catch (RuntimeException failure) {
            LOG.log(Level.SEVERE, "Failed to answer " + request.getMethod() + " " + request.getRequestURI(), failure);
            send(response, 500, JsonShapes.error("internal error; the server log has the details"));
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/info" -> {
                allowOnly("GET", request, response);
                ClientInfo.attach(request.getSession(), "client", CLIENT_LABEL);
                send(response, 200, JsonShapes.info(app.warcast().self()));
            }
            case "/items" -> {
                allowOnly("GET", request, response);
                send(response, 200, JsonShapes.items(app.catalog().all()));
            }
            case "/heard" -> sendPage(request, response, app.heardChanges(), JsonShapes::heardChange);
            case "/flushes" -> sendPage(request, response, app.heardFlushes(), JsonShapes::heardFlush);
            default -> {
                if (!path.startsWith(ITEMS_PREFIX)) {
                    throw ApiException.notFound(
                            "no resource [/api" + path
                                    + "]; there are /api/info, /api/items, /api/items/{id}, /api/items/{id}/restock, /api/heard, /api/flushes");
                }
                String item = path.substring(ITEMS_PREFIX.length());
                if (item.endsWith(RESTOCK_SUFFIX)) {
                    restock(
                            ApiRequests.parseId(item.substring(0, item.length() - RESTOCK_SUFFIX.length())),
                            request,
                            response);
                } else {
                    item(ApiRequests.parseId(item), request, response);
                }
            }
        }
    }

    private void restock(long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        allowOnly("POST", request, response);
        int amount = requests.parseRestock(readBody(request));
        send(response, 200, JsonShapes.item(app.editor().restock(id, amount).orElseThrow(() -> noItem(id))));
    }

    private void item(long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getMethod()) {
            case "GET" ->
                send(response, 200, JsonShapes.item(app.catalog().get(id).orElseThrow(() -> noItem(id))));
            case "PUT" -> {
                Item item = requests.parseItem(id, readBody(request));
                app.editor().save(item);
                send(response, 200, JsonShapes.item(item));
            }
            case "DELETE" ->
                send(response, 200, JsonShapes.item(app.editor().delete(id).orElseThrow(() -> noItem(id))));
            default -> allowOnly("GET, PUT, DELETE", request, response);
        }
    }

    private <T> void sendPage(
            HttpServletRequest request, HttpServletResponse response, BoundedLog<T> log, Function<T, Object> shape)
            throws IOException {
        allowOnly("GET", request, response);
        BoundedLog.Page<T> page = log.page(
                ApiRequests.parseFrom(request.getParameter("from")),
                ApiRequests.parseLimit(request.getParameter("limit")));
        response.setHeader(FIRST_INDEX_HEADER, Long.toString(page.firstIndex()));
        response.setHeader(NEXT_INDEX_HEADER, Long.toString(page.nextIndex()));
        List<Object> body = page.entries().stream().map(shape).toList();
        send(response, 200, body);
    }

    private static void allowOnly(String allowed, HttpServletRequest request, HttpServletResponse response) {
        if (!List.of(allowed.split(", ")).contains(request.getMethod())) {
            response.setHeader("Allow", allowed);
            throw new ApiException(
                    405,
                    "method " + request.getMethod() + " is not allowed on " + request.getRequestURI() + "; use "
                            + allowed);
        }
    }

    private static ApiException noItem(long id) {
        return ApiException.notFound("no item " + id);
    }

    private static String readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        json.write(response.getOutputStream(), body);
    }
}
