package io.warcast.broadcast;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.BroadcasterStatus;
import io.warcast.api.BroadcasterStatus.State;
import io.warcast.broadcast.wire.Decoded;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the broadcaster counts while it runs ({@link BroadcasterCounter}), and the state of its link to the broker;
 * read by JMX and the admin page.
 */
public final class BroadcasterMetrics {

    private final Map<BroadcasterCounter, LongAdder> counters = new EnumMap<>(BroadcasterCounter.class);
    private final Map<Decoded.RejectReason, LongAdder> rejected = new EnumMap<>(Decoded.RejectReason.class);

    private volatile IntSupplier buffered = () -> 0;
    private volatile Supplier<List<String>> boundExchanges = List::of;
    private volatile State linkState = State.LOCAL_ONLY;
    private volatile String connectedTo;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    public BroadcasterMetrics() {
        for (BroadcasterCounter counter : BroadcasterCounter.values()) {
            counters.put(counter, new LongAdder());
        }
        for (Decoded.RejectReason reason : Decoded.RejectReason.values()) {
            rejected.put(reason, new LongAdder());
        }
    }

    public void count(BroadcasterCounter counter) {
        counters.get(counter).increment();
    }

    public void add(BroadcasterCounter counter, long amount) {
        counters.get(counter).add(amount);
    }

    public long get(BroadcasterCounter counter) {
        return counters.get(counter).sum();
    }

    public void countRejected(Decoded.RejectReason reason) {
        rejected.get(reason).increment();
    }

    /** Messages waiting for the broker now. */
    public int buffered() {
        return buffered.getAsInt();
    }

    /** The exchanges this server's queue is bound to now, sorted; empty while not connected. */
    public List<String> boundExchanges() {
        return boundExchanges.get();
    }

    /** Messages skipped because they could not be read, by reason. */
    public Map<Decoded.RejectReason, Long> rejected() {
        Map<Decoded.RejectReason, Long> counts = new EnumMap<>(Decoded.RejectReason.class);
        rejected.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    /** {@link State#LOCAL_ONLY}, {@link State#CONNECTING}, {@link State#CONNECTED} or {@link State#DISCONNECTED}. */
    public State linkState() {
        return linkState;
    }

    /** The broker connected to, {@code host:port}, while connected. */
    public Optional<String> connectedTo() {
        return Optional.ofNullable(connectedTo);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> lastErrorAt() {
        return Optional.ofNullable(lastErrorAt);
    }

    public void measureBuffered(IntSupplier buffered) {
        this.buffered = buffered;
    }

    public void measureBoundExchanges(Supplier<List<String>> boundExchanges) {
        this.boundExchanges = boundExchanges;
    }

    public void connecting() {
        linkState = State.CONNECTING;
    }

    public void connected(String broker) {
        connectedTo = broker;
        linkState = State.CONNECTED;
    }

    public void disconnected() {
        connectedTo = null;
        linkState = State.DISCONNECTED;
    }

    public void failed(String error, Instant at) {
        lastError = error;
        lastErrorAt = at;
    }

    /** A snapshot for the admin page. */
    public BroadcasterStatus status() {
        Map<BroadcasterCounter, Long> counts = new EnumMap<>(BroadcasterCounter.class);
        counters.forEach((counter, count) -> counts.put(counter, count.sum()));
        Map<String, Long> rejectedByReason = new LinkedHashMap<>();
        rejected().forEach((reason, count) -> rejectedByReason.put(reason.name(), count));
        return new BroadcasterStatus(
                linkState,
                connectedTo(),
                lastError(),
                lastErrorAt(),
                counts,
                buffered(),
                rejectedByReason,
                boundExchanges());
    }

    /** The counters as {@code name=value}; those that move only over a broker are left out while local-only. */
    @Override
    public String toString() {
        boolean overBroker = linkState != State.LOCAL_ONLY;
        Stream<String> counts = Stream.of(BroadcasterCounter.values())
                .filter(counter -> overBroker || !counter.overBroker())
                .map(counter -> counter.logName() + "=" + get(counter));
        Stream<String> link = overBroker ? Stream.of("buffered=" + buffered(), "rejected=" + rejected()) : Stream.of();
        return Stream.concat(counts, link).collect(Collectors.joining(", "));
    }
}
