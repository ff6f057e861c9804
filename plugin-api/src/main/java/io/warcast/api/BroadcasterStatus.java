package io.warcast.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the broadcaster of this server is doing, for an admin page or a health check.
 *
 * @param state the link to other servers
 * @param connectedTo the broker connected to, {@code host:port}, while {@link State#CONNECTED}
 * @param lastError the last connection error, one line, never a password
 * @param lastErrorAt when it happened
 * @param published what the applications of this server published: changes, flushes, messages
 * @param confirmed messages the broker confirmed it has
 * @param delivered listener calls that returned normally
 * @param buffered messages waiting for the broker now
 * @param dropped messages dropped: for other servers (outbox full) and for listeners (backlog full)
 * @param duplicatesSuppressed messages received again after a reconnect and not delivered twice
 * @param gaps times messages from another server were missed (and listeners asked to flush)
 * @param resyncs flushes Warcast asked of listeners because they missed changes
 * @param rejected messages skipped because they could not be read, by reason
 * @param reconnects connections made after the first
 * @param boundExchanges the exchanges this server's queue is bound to on the broker now, sorted: a change published
 *     to one of them reaches this server; empty while not connected
 * @param unclaimed messages from other servers on an exchange no application of this server has joined
 */
public record BroadcasterStatus(
        State state,
        Optional<String> connectedTo,
        Optional<String> lastError,
        Optional<Instant> lastErrorAt,
        long published,
        long confirmed,
        long delivered,
        long buffered,
        long dropped,
        long duplicatesSuppressed,
        long gaps,
        long resyncs,
        Map<String, Long> rejected,
        long reconnects,
        List<String> boundExchanges,
        long unclaimed) {

    /** The link to other servers. */
    public enum State {
        /** Connected to the broker. */
        CONNECTED,
        /** Trying to connect; changes wait in the outbox. */
        CONNECTING,
        /** The connection is lost or failed; retrying. */
        DISCONNECTED,
        /** No broker is set: only web applications in this JVM hear each other. */
        LOCAL_ONLY,
        /** The provider does not tell. */
        UNKNOWN
    }

    public BroadcasterStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(connectedTo, "connectedTo");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastErrorAt, "lastErrorAt");
        rejected = Map.copyOf(Objects.requireNonNull(rejected, "rejected"));
        boundExchanges = List.copyOf(Objects.requireNonNull(boundExchanges, "boundExchanges"));
    }

    /** The status of a provider that does not report one. */
    public static BroadcasterStatus unknown() {
        return new BroadcasterStatus(
                State.UNKNOWN,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                Map.of(),
                0,
                List.of(),
                0);
    }
}
