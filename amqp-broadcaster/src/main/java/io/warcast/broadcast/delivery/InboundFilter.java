package io.warcast.broadcast.delivery;

import io.warcast.broadcast.wire.Decoded;
import io.warcast.broadcast.wire.Envelope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what to do with each envelope received from another server: deliver it, drop it as a duplicate
 * (redelivered after a reconnect), deliver it after telling listeners to resync because the sender's sequence
 * skipped numbers, or refuse it because the broker did not vouch for the origin it claims. Called from one consumer
 * thread at a time (synchronized, so a consumer thread replaced after a reconnect sees what the old one recorded).
 *
 * <p>The publisher of a message is its AMQP {@code user_id}, which RabbitMQ refuses to route unless it is the broker
 * user of the publishing connection. Each origin instance is bound to the publisher of the first message heard from
 * it; a later message naming that instance with another publisher, or none, is {@link Verdict#FORGED}. With a list
 * of trusted publishers, a message from any other publisher, or none, is {@link Verdict#UNTRUSTED}. A refused
 * message changes nothing here: it neither moves a sender's sequence on nor is remembered as delivered, so a forged
 * number cannot make the real sender's messages duplicates, or a gap.
 *
 * <p>Two bounded memories, both O(1) per envelope:
 *
 * <ul>
 *   <li>the last {@code rememberedIds} message ids delivered: an id seen again is a {@link Verdict#DUPLICATE};
 *   <li>for each origin instance its publisher and the highest sequence number delivered, for the {@code
 *       rememberedOrigins} origin instances heard from most recently: a number at or below it is a duplicate whose
 *       id was already forgotten; one more than it is next in line; anything higher means messages were missed. The
 *       first envelope from an instance not remembered is delivered whatever its number, and binds the instance to
 *       its publisher: this server was not listening before, or has not heard from that instance for so long that it
 *       forgot it.
 * </ul>
 */
public final class InboundFilter {

    /** How many recent message ids a link's filter remembers to recognise redeliveries. */
    public static final int DEFAULT_REMEMBERED_IDS = 100_000;

    /** How many origin instances {@link #InboundFilter(int)} remembers. */
    public static final int DEFAULT_REMEMBERED_ORIGINS = 10_000;

    /** What to do with one envelope. */
    public enum Verdict {
        DELIVER,
        DUPLICATE,
        /** Messages from this origin were missed: resync listeners first, then deliver this one. */
        GAP_THEN_DELIVER,
        /** The origin instance was first heard from another publisher, or this message has none: refused. */
        FORGED,
        /** The publisher is not one of the trusted publishers, or there is none: refused. */
        UNTRUSTED
    }

    /**
     * The verdict on one envelope, with how many messages of its origin were missed just before it.
     *
     * @param verdict what to do
     * @param missed how many sequence numbers were skipped: positive exactly when the verdict is {@link
     *     Verdict#GAP_THEN_DELIVER}, else zero
     */
    public record Admission(Verdict verdict, long missed) {

        private static final Admission DELIVER = new Admission(Verdict.DELIVER, 0);
        private static final Admission DUPLICATE = new Admission(Verdict.DUPLICATE, 0);
        private static final Admission FORGED = new Admission(Verdict.FORGED, 0);
        private static final Admission UNTRUSTED = new Admission(Verdict.UNTRUSTED, 0);

        static Admission gap(long missed) {
            return new Admission(Verdict.GAP_THEN_DELIVER, missed);
        }
    }

    private final Map<String, Boolean> recentIds;
    private final Map<String, Sender> senders;
    private final Set<String> trustedPublishers;

    /** @param rememberedIds how many recent message ids are kept to recognise duplicates */
    public InboundFilter(int rememberedIds) {
        this(rememberedIds, DEFAULT_REMEMBERED_ORIGINS);
    }

    /**
     * @param rememberedIds how many recent message ids are kept to recognise duplicates
     * @param rememberedOrigins how many origin instances' publishers and sequence numbers are kept; the least
     *     recently heard are forgotten first
     */
    public InboundFilter(int rememberedIds, int rememberedOrigins) {
        this(rememberedIds, rememberedOrigins, Set.of());
    }

    /**
     * @param rememberedIds how many recent message ids are kept to recognise duplicates
     * @param rememberedOrigins how many origin instances' publishers and sequence numbers are kept; the least
     *     recently heard are forgotten first
     * @param trustedPublishers the broker users whose messages are delivered; empty for any
     */
    public InboundFilter(int rememberedIds, int rememberedOrigins, Set<String> trustedPublishers) {
        if (rememberedIds < 1) {
            throw new IllegalArgumentException("rememberedIds must be positive, got " + rememberedIds);
        }
        if (rememberedOrigins < 1) {
            throw new IllegalArgumentException("rememberedOrigins must be positive, got " + rememberedOrigins);
        }
        this.recentIds = bounded(rememberedIds, false);
        this.senders = bounded(rememberedOrigins, true);
        this.trustedPublishers = Set.copyOf(trustedPublishers);
    }

    /** What to do with an envelope that came without a {@code user_id}; {@link #admit} also says how many were missed. */
    public Verdict check(Envelope envelope) {
        return admit(envelope, Optional.empty()).verdict();
    }

    /** What to do with an envelope that came without a {@code user_id}. */
    public Admission admit(Envelope envelope) {
        return admit(envelope, Optional.empty());
    }

    /**
     * What to do with an envelope, and how many messages of its origin were missed before it.
     *
     * @param publisher the message's AMQP {@code user_id}, which the broker vouched for; empty when it had none
     */
    public Admission admit(Envelope envelope, Optional<String> publisher) {
        return admit(envelope.messageId(), envelope.origin().instanceId(), envelope.sequence(), publisher);
    }

    /**
     * A message that is not delivered (a kind only a newer sender knows) but took a number in its sender's sequence:
     * remembered as heard, so the sender's next message is no gap. The verdict says whether it was a duplicate, came
     * after a gap, or was refused as forged or untrusted (and then took no number).
     *
     * @param publisher the message's AMQP {@code user_id}; empty when it had none
     */
    public Admission admitSkipped(Decoded.Position position, Optional<String> publisher) {
        return admit(position.messageId(), position.origin().instanceId(), position.sequence(), publisher);
    }

    private synchronized Admission admit(String messageId, String instance, long sequence, Optional<String> publisher) {
        if (!trustedPublishers.isEmpty() && (publisher.isEmpty() || !trustedPublishers.contains(publisher.get()))) {
            return Admission.UNTRUSTED;
        }
        Sender sender = senders.get(instance);
        if (sender != null && !sender.publisher.equals(publisher)) {
            return Admission.FORGED;
        }
        if (recentIds.containsKey(messageId)) {
            return Admission.DUPLICATE;
        }
        if (sender == null) {
            senders.put(instance, new Sender(publisher, sequence));
            recentIds.put(messageId, Boolean.TRUE);
            return Admission.DELIVER;
        }
        long highest = sender.highest;
        if (sequence <= highest) {
            return Admission.DUPLICATE;
        }
        recentIds.put(messageId, Boolean.TRUE);
        sender.highest = sequence;
        return sequence == highest + 1 ? Admission.DELIVER : Admission.gap(sequence - highest - 1);
    }

    /** How many message ids and origin instances are remembered now; for tests and diagnostics. */
    synchronized int rememberedIdCount() {
        return recentIds.size();
    }

    synchronized int rememberedOriginCount() {
        return senders.size();
    }

    /** An origin instance as remembered: the publisher it is bound to and the highest number delivered from it. */
    private static final class Sender {
        final Optional<String> publisher;
        long highest;

        Sender(Optional<String> publisher, long highest) {
            this.publisher = Objects.requireNonNull(publisher, "publisher");
            this.highest = highest;
        }
    }

    /** A map that drops its eldest entry beyond {@code capacity}: by insertion, or by access when {@code lru}. */
    private static <V> Map<String, V> bounded(int capacity, boolean lru) {
        return new LinkedHashMap<>(16, 0.75f, lru) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
