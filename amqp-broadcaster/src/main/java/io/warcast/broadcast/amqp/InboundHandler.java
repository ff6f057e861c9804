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
 * participants had it in the JVM), refused when the broker did not vouch for the origin it claims (its {@code
 * user_id} is not the one that origin was first heard with, or not a trusted publisher), dropped when it is a
 * redelivery, and otherwise handed to the participants on its exchange with its vouched publisher, after a resync
 * when the sender's sequence skipped numbers. Handing over only queues into mailboxes, so
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
        this(serverId, wire, fanOut, metrics, Set.of(), Clock.systemUTC());
    }

    /**
     * @param trustedPublishers the broker users whose messages are delivered; empty for any
     * @param clock the time the log's summaries go by
     */
    InboundHandler(
            String serverId,
            WireCodec wire,
            LocalFanOut fanOut,
            BroadcasterMetrics metrics,
            Set<String> trustedPublishers,
            Clock clock) {
        this.inboundLog = new InboundLog(clock);
        this.serverId = serverId;
        this.wire = wire;
        this.filter = new InboundFilter(
                InboundFilter.DEFAULT_REMEMBERED_IDS, InboundFilter.DEFAULT_REMEMBERED_ORIGINS, trustedPublishers);
        this.fanOut = fanOut;
        this.metrics = metrics;
    }

    /** A message without a {@code user_id}. */
    void handle(String exchange, byte[] body) {
        handle(exchange, body, Optional.empty());
    }

    /** @param publisher the message's AMQP {@code user_id}, which the broker vouched for; empty when it had none */
    void handle(String exchange, byte[] body, Optional<String> publisher) {
        inboundLog.summariesDue();
        Decoded decoded = wire.decode(body);
        if (decoded instanceof Decoded.Rejected rejected) {
            if (rejected.position().isPresent()
                    && !heardSkipped(exchange, rejected.position().get(), publisher)) {
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
        InboundFilter.Verdict verdict = filter.admit(envelope, publisher).verdict();
        switch (verdict) {
            case DUPLICATE -> metrics.count(BroadcasterCounter.DUPLICATES_SUPPRESSED);
            case FORGED, UNTRUSTED -> refused(exchange, verdict, envelope.origin(), publisher);
            case GAP_THEN_DELIVER -> {
                missed(exchange, envelope.origin(), envelope.sequence());
                deliver(exchange, vouched(envelope, publisher));
            }
            case DELIVER -> deliver(exchange, vouched(envelope, publisher));
        }
    }

    /**
     * A message skipped for its kind still took a number in its sender's sequence: noted as heard, so the next one
     * is no gap.
     *
     * @return false when there is nothing more to count or log: this server's own message, a redelivery, or one
     *     refused as forged or untrusted (counted and logged as that)
     */
    private boolean heardSkipped(String exchange, Decoded.Position position, Optional<String> publisher) {
        if (position.origin().serverId().equals(serverId)) {
            return false;
        }
        InboundFilter.Verdict verdict = filter.admitSkipped(position, publisher).verdict();
        switch (verdict) {
            case DUPLICATE -> {
                metrics.count(BroadcasterCounter.DUPLICATES_SUPPRESSED);
                return false;
            }
            case FORGED, UNTRUSTED -> {
                refused(exchange, verdict, position.origin(), publisher);
                return false;
            }
            case GAP_THEN_DELIVER -> missed(exchange, position.origin(), position.sequence());
            case DELIVER -> {}
        }
        return true;
    }

    private void refused(String exchange, InboundFilter.Verdict verdict, Origin claimed, Optional<String> publisher) {
        metrics.count(
                verdict == InboundFilter.Verdict.FORGED ? BroadcasterCounter.FORGED : BroadcasterCounter.UNTRUSTED);
        inboundLog.refused(exchange, verdict, claimed, publisher);
    }

    private static Envelope vouched(Envelope envelope, Optional<String> publisher) {
        if (publisher.isEmpty()) {
            return envelope;
        }
        return new Envelope(
                envelope.messageId(),
                envelope.origin().withPublisher(publisher.get()),
                envelope.sequence(),
                envelope.publishedAt(),
                envelope.payload());
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
