package io.warcast.broadcast.delivery;

import io.warcast.broadcast.BroadcasterMetrics;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Opens mailboxes that share one delivery pool, backlog bound and set of counters.
 *
 * @param capacity how many events one listener may have waiting
 */
public record MailboxFactory(Executor executor, int capacity, BroadcasterMetrics metrics) {

    /**
     * @param resync the delivery that asks the listener to flush a data source (empty: all) after it missed changes
     */
    public <L> Mailbox<L> open(L listener, ParticipantContext context, Function<Optional<String>, Delivery<L>> resync) {
        return new Mailbox<>(listener, context, capacity, executor, metrics, resync);
    }
}
