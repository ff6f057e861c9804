package io.warcast.broadcast.delivery;

/**
 * One call to a listener, waiting in the listener's {@link Mailbox}.
 *
 * @param <L> the kind of listener
 */
public interface Delivery<L> {

    void deliverTo(L listener);

    /** What the listener would miss if this delivery were dropped. */
    void recordMissed(MissedDataSources missed);

    /** This delivery in a few words, for the log: {@code "a data change from [srv/shop##001]"}. */
    String describe();
}
