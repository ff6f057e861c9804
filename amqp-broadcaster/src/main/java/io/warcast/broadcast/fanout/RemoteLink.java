package io.warcast.broadcast.fanout;

import io.warcast.broadcast.wire.Envelope;

/**
 * Carries what the participants of this JVM publish to the other servers. Implementations only queue: a call never
 * blocks on the broker and never throws because of it.
 */
public interface RemoteLink {

    /** No other servers: Warcast runs local-only. */
    RemoteLink LOCAL_ONLY = (exchange, envelope) -> {};

    /** Queues an envelope for every other server listening on {@code exchange}. */
    void send(String exchange, Envelope envelope);

    /** A participant joined {@code exchange}: from now on this server must hear it, and may publish to it. */
    default void exchangeInUse(String exchange) {}
}
