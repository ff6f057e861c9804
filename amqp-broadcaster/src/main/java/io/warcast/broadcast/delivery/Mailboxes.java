package io.warcast.broadcast.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The mailboxes of one application's listeners of one kind, a listener counted once however often it is
 * registered. Listeners are told apart by identity, not {@code equals}.
 *
 * @param <L> the kind of listener
 */
public final class Mailboxes<L> {

    private final List<Mailbox<L>> mailboxes = new CopyOnWriteArrayList<>();

    /** Opens a mailbox for the listener unless it has one. */
    public synchronized void register(L listener, Function<L, Mailbox<L>> open) {
        if (find(listener) == null) {
            mailboxes.add(open.apply(listener));
        }
    }

    /** Closes the listener's mailbox, if it has one. */
    public synchronized void deregister(L listener) {
        Mailbox<L> mailbox = find(listener);
        if (mailbox != null) {
            mailboxes.remove(mailbox);
            mailbox.close();
        }
    }

    public void offer(Delivery<L> delivery) {
        mailboxes.forEach(mailbox -> mailbox.offer(delivery));
    }

    public synchronized void closeAll() {
        mailboxes.forEach(Mailbox::close);
        mailboxes.clear();
    }

    public boolean isEmpty() {
        return mailboxes.isEmpty();
    }

    private Mailbox<L> find(L listener) {
        for (Mailbox<L> mailbox : mailboxes) {
            if (mailbox.listener() == listener) {
                return mailbox;
            }
        }
        return null;
    }
}
