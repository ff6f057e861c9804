package io.warcast.broadcast.amqp;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.Origin;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.delivery.InboundFilter;
import io.warcast.broadcast.fanout.LocalFanOut;
import io.warcast.broadcast.wire.Decoded;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.WireCodec;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to each message from the broker: decoded, skipped when it is unreadable or this server's own (its
 * participants had it in the JVM), dropped when it is a redelivery, and otherwise handed to the participants on its
 * exchange, after a resync when the sender's sequence skipped numbers. Handing over only queues into mailboxes, so
 * this never waits on a listener. Called from one consumer thread at a time.
 */
final class InboundHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);

    private final String serverId;
    private final WireCodec wire;
    private final InboundFilter filter;
    private final LocalFanOut fanOut;
    private final BroadcasterMetrics metrics;
    // Exchanges whose messages nobody here claims now: reported once each, until a message on it is claimed again.
    private final Set<String> unclaimedExchanges = new HashSet<>();
    private final InboundLog inboundLog;

    InboundHandler(String serverId, WireCodec wire, LocalFanOut fanOut, BroadcasterMetrics metrics) {
        this(serverId, wire, fanOut, metrics, Clock.systemUTC());
    }

    /** @param clock the time the log's summaries go by */
    InboundHandler(String serverId, WireCodec wire, LocalFanOut fanOut, BroadcasterMetrics metrics, Clock clock) {
        this.inboundLog = new InboundLog(clock);
        this.serverId = serverId;
        this.wire = wire;
        this.filter = new InboundFilter(InboundFilter.DEFAULT_REMEMBERED_IDS);
        this.fanOut = fanOut;
        this.metrics = metrics;
    }

    void handle(String exchange, byte[] body) {
        inboundLog.summariesDue();
        Decoded decoded = wire.decode(body);
        if (decoded instanceof Decoded.Rejected rejected) {
            if (rejected.position().isPresent()
                    && !heardSkipped(exchange, rejected.position().get())) {
                return;
            }
            metrics.countRejected(rejected.reason());
            inboundLog.skipped(exchange, body.length, rejected);
            return;
        }
        Envelope envelope = ((Decoded.Accepted) decoded).envelope();
        if (envelope.origin().serverId().equals(serverId)) {
            return;
        }
        InboundFilter.Verdict verdict = filter.check(envelope);
        switch (verdict) {
            case DUPLICATE -> metrics.count(BroadcasterCounter.DUPLICATES_SUPPRESSED);
            case GAP_THEN_DELIVER -> {
                missed(exchange, envelope.origin(), envelope.sequence());
                deliver(exchange, envelope);
            }
            case DELIVER -> deliver(exchange, envelope);
        }
    }

    /**
     * A message skipped for its kind still took a number in its sender's sequence: noted as heard, so the next one
     * is no gap.
     *
     * @return false when there is nothing to count or log: this server's own message, or a redelivery
     */
    private boolean heardSkipped(String exchange, Decoded.Position position) {
        if (position.origin().serverId().equals(serverId)) {
            return false;
        }
        switch (filter.admitSkipped(position).verdict()) {
            case DUPLICATE -> {
                metrics.count(BroadcasterCounter.DUPLICATES_SUPPRESSED);
                return false;
            }
            case GAP_THEN_DELIVER -> missed(exchange, position.origin(), position.sequence());
            case DELIVER -> {}
        }
        return true;
    }

    private void missed(String exchange, Origin origin, long sequence) {
        metrics.count(BroadcasterCounter.GAPS);
        inboundLog.missed(exchange, origin, sequence);
        fanOut.resync(exchange, Optional.empty());
    }

    private void deliver(String exchange, Envelope envelope) {
        if (fanOut.deliverFromRemote(exchange, envelope)) {
            metrics.count(BroadcasterCounter.RECEIVED);
            unclaimedExchanges.remove(exchange);
            return;
        }
        metrics.count(BroadcasterCounter.UNCLAIMED);
        if (unclaimedExchanges.add(exchange)) {
            log.warn(
                    "Warcast received a {} from [{}] on exchange [{}], which no application of this server has"
                            + " joined; skipping such messages (counted as unclaimed) until one joins it",
                    envelope.payload().kind(),
                    envelope.origin(),
                    exchange);
        }
    }
}
