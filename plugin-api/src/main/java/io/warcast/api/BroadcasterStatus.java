package io.warcast.api;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
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
 * @param counters every {@link BroadcasterCounter}, in their order; one the provider does not count is 0
 * @param buffered messages waiting for the broker now
 * @param rejected messages skipped because they could not be read, by reason
 * @param boundExchanges the exchanges this server's queue is bound to on the broker now, sorted: a change published
 *     to one of them reaches this server; empty while not connected
 */
public record BroadcasterStatus(
        State state,
        Optional<String> connectedTo,
        Optional<String> lastError,
        Optional<Instant> lastErrorAt,
        Map<BroadcasterCounter, Long> counters,
        long buffered,
        Map<String, Long> rejected,
        List<String> boundExchanges) {

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
        Objects.requireNonNull(counters, "counters");
        Map<BroadcasterCounter, Long> every = new EnumMap<>(BroadcasterCounter.class);
        for (BroadcasterCounter counter : BroadcasterCounter.values()) {
            every.put(counter, counters.getOrDefault(counter, 0L));
        }
        counters = Collections.unmodifiableMap(every);
        rejected = Map.copyOf(Objects.requireNonNull(rejected, "rejected"));
        boundExchanges = List.copyOf(Objects.requireNonNull(boundExchanges, "boundExchanges"));
    }

    /** The status of a provider that does not report one. */
    public static BroadcasterStatus unknown() {
        return new BroadcasterStatus(
                State.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), 0, Map.of(), List.of());
    }

    /** The value of one counter. */
    public long count(BroadcasterCounter counter) {
        return counters.get(counter);
    }

    // The accessors below came before {@link #counters()} and stay for the pages that read them; a new counter
    // needs none: it is in counters().

    /** {@link BroadcasterCounter#PUBLISHED}. */
    public long published() {
        return count(BroadcasterCounter.PUBLISHED);
    }

    /** {@link BroadcasterCounter#CONFIRMED}. */
    public long confirmed() {
        return count(BroadcasterCounter.CONFIRMED);
    }

    /** {@link BroadcasterCounter#DELIVERED}. */
    public long delivered() {
        return count(BroadcasterCounter.DELIVERED);
    }

    /** Messages dropped: for other servers (outbox full) and for listeners (backlog full). */
    public long dropped() {
        return count(BroadcasterCounter.DROPPED_OUTBOX) + count(BroadcasterCounter.DROPPED_OVERFLOW);
    }

    /** {@link BroadcasterCounter#DUPLICATES_SUPPRESSED}. */
    public long duplicatesSuppressed() {
        return count(BroadcasterCounter.DUPLICATES_SUPPRESSED);
    }

    /** {@link BroadcasterCounter#GAPS}. */
    public long gaps() {
        return count(BroadcasterCounter.GAPS);
    }

    /** {@link BroadcasterCounter#RESYNCS}. */
    public long resyncs() {
        return count(BroadcasterCounter.RESYNCS);
    }

    /** {@link BroadcasterCounter#RECONNECTS}. */
    public long reconnects() {
        return count(BroadcasterCounter.RECONNECTS);
    }

    /** {@link BroadcasterCounter#UNCLAIMED}. */
    public long unclaimed() {
        return count(BroadcasterCounter.UNCLAIMED);
    }
}
