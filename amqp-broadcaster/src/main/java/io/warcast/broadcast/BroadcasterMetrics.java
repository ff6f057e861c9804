package io.warcast.broadcast;

import io.warcast.api.BroadcasterStatus;
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

/** What the broadcaster counts while it runs, and the state of its link to the broker; read by JMX and the admin page. */
public final class BroadcasterMetrics {

    /** The state of the link to other servers. */
    public enum LinkState {
        /** No broker is set: web applications in this JVM hear each other, nothing more. */
        LOCAL_ONLY,
        CONNECTING,
        CONNECTED,
        DISCONNECTED
    }

    private final LongAdder published = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder listenerFailures = new LongAdder();
    private final LongAdder droppedOverflow = new LongAdder();
    private final LongAdder resyncsRequested = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder confirmed = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder droppedOutbox = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder unclaimed = new LongAdder();
    private final Map<Decoded.RejectReason, LongAdder> rejected = new EnumMap<>(Decoded.RejectReason.class);

    private volatile IntSupplier buffered = () -> 0;
    private volatile Supplier<List<String>> boundExchanges = List::of;
    private volatile LinkState linkState = LinkState.LOCAL_ONLY;
    private volatile String connectedTo;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    public BroadcasterMetrics() {
        for (Decoded.RejectReason reason : Decoded.RejectReason.values()) {
            rejected.put(reason, new LongAdder());
        }
    }

    /** Changes, flush requests and messages the participants of this server published. */
    public long published() {
        return published.sum();
    }

    /** Listener calls that returned normally. */
    public long delivered() {
        return delivered.sum();
    }

    /** Listener calls that threw. */
    public long listenerFailures() {
        return listenerFailures.sum();
    }

    /** Events dropped because a listener's backlog was full. */
    public long droppedOverflow() {
        return droppedOverflow.sum();
    }

    /** Flushes Warcast asked of listeners because they missed changes. */
    public long resyncsRequested() {
        return resyncsRequested.sum();
    }

    /** Messages handed to the broker, resent ones included. */
    public long sent() {
        return sent.sum();
    }

    /** Messages the broker confirmed it has. */
    public long confirmed() {
        return confirmed.sum();
    }

    /** Messages from other servers handed to this server's participants. */
    public long received() {
        return received.sum();
    }

    /** Messages waiting for the broker now. */
    public int buffered() {
        return buffered.getAsInt();
    }

    /** Messages for other servers dropped because the outbox was full (or a message was too large). */
    public long droppedOutbox() {
        return droppedOutbox.sum();
    }

    /** Messages received twice (redelivered after a reconnect) and not delivered again. */
    public long duplicates() {
        return duplicates.sum();
    }

    /** Times a sender's sequence skipped numbers, so its messages were missed. */
    public long gaps() {
        return gaps.sum();
    }

    /** Connections made to the broker after the first. */
    public long reconnects() {
        return reconnects.sum();
    }

    /** Messages from other servers on an exchange that no application of this server has joined. */
    public long unclaimed() {
        return unclaimed.sum();
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

    public LinkState linkState() {
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

    public void countPublished() {
        published.increment();
    }

    public void countDelivered() {
        delivered.increment();
    }

    public void countListenerFailure() {
        listenerFailures.increment();
    }

    public void countDroppedOverflow() {
        droppedOverflow.increment();
    }

    public void countResyncRequested() {
        resyncsRequested.increment();
    }

    public void countSent() {
        sent.increment();
    }

    public void countConfirmed(int count) {
        confirmed.add(count);
    }

    public void countReceived() {
        received.increment();
    }

    public void countDroppedOutbox() {
        droppedOutbox.increment();
    }

    public void countDuplicate() {
        duplicates.increment();
    }

    public void countGap() {
        gaps.increment();
    }

    public void countReconnect() {
        reconnects.increment();
    }

    public void countUnclaimed() {
        unclaimed.increment();
    }

    public void countRejected(Decoded.RejectReason reason) {
        rejected.get(reason).increment();
    }

    public void measureBuffered(IntSupplier buffered) {
        this.buffered = buffered;
    }

    public void measureBoundExchanges(Supplier<List<String>> boundExchanges) {
        this.boundExchanges = boundExchanges;
    }

    public void connecting() {
        linkState = LinkState.CONNECTING;
    }

    public void connected(String broker) {
        connectedTo = broker;
        linkState = LinkState.CONNECTED;
    }

    public void disconnected() {
        connectedTo = null;
        linkState = LinkState.DISCONNECTED;
    }

    public void failed(String error, Instant at) {
        lastError = error;
        lastErrorAt = at;
    }

    /** A snapshot for the admin page. */
    public BroadcasterStatus status() {
        Map<String, Long> rejectedByReason = new LinkedHashMap<>();
        rejected().forEach((reason, count) -> rejectedByReason.put(reason.name(), count));
        return new BroadcasterStatus(
                BroadcasterStatus.State.valueOf(linkState.name()),
                connectedTo(),
                lastError(),
                lastErrorAt(),
                published(),
                confirmed(),
                delivered(),
                buffered(),
                droppedOutbox() + droppedOverflow(),
                duplicates(),
                gaps(),
                resyncsRequested(),
                rejectedByReason,
                reconnects(),
                boundExchanges(),
                unclaimed());
    }

    @Override
    public String toString() {
        return "published=" + published() + ", delivered=" + delivered() + ", listenerFailures=" + listenerFailures()
                + ", droppedOverflow=" + droppedOverflow() + ", resyncsRequested=" + resyncsRequested()
                + (linkState == LinkState.LOCAL_ONLY
                        ? ""
                        : ", sent=" + sent() + ", confirmed=" + confirmed() + ", received=" + received()
                                + ", buffered=" + buffered() + ", droppedOutbox=" + droppedOutbox()
                                + ", duplicates=" + duplicates() + ", gaps=" + gaps() + ", reconnects="
                                + reconnects() + ", unclaimed=" + unclaimed() + ", rejected=" + rejected());
    }
}
