package io.warcast.broadcast.delivery;

import io.warcast.broadcast.wire.Decoded;
import io.warcast.broadcast.wire.Envelope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides what to do with each envelope received from another server: deliver it, drop it as a duplicate
 * (redelivered after a reconnect), or deliver it after telling listeners to resync because the sender's sequence
 * skipped numbers. Called from one consumer thread at a time (synchronized, so a consumer thread replaced after a
 * reconnect sees what the old one recorded).
 *
 * <p>Two bounded memories, both O(1) per envelope:
 *
 * <ul>
 *   <li>the last {@code rememberedIds} message ids delivered: an id seen again is a {@link Verdict#DUPLICATE};
 *   <li>for each origin instance the highest sequence number delivered, for the {@code rememberedOrigins} origin
 *       instances heard from most recently: a number at or below it is a duplicate whose id was already
 *       forgotten; one more than it is next in line; anything higher means messages were missed. The first
 *       envelope from an instance not remembered is delivered whatever its number: this server was not listening
 *       before, or has not heard from that instance for so long that it forgot it.
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
        GAP_THEN_DELIVER
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

        static Admission gap(long missed) {
            return new Admission(Verdict.GAP_THEN_DELIVER, missed);
        }
    }

    private final Map<String, Boolean> recentIds;
    private final Map<String, Long> highestSequences;

    /** @param rememberedIds how many recent message ids are kept to recognise duplicates */
    public InboundFilter(int rememberedIds) {
        this(rememberedIds, DEFAULT_REMEMBERED_ORIGINS);
    }

    /**
     * @param rememberedIds how many recent message ids are kept to recognise duplicates
     * @param rememberedOrigins how many origin instances' sequence numbers are kept; the least recently heard
     *     are forgotten first
     */
    public InboundFilter(int rememberedIds, int rememberedOrigins) {
        if (rememberedIds < 1) {
            throw new IllegalArgumentException("rememberedIds must be positive, got " + rememberedIds);
        }
        if (rememberedOrigins < 1) {
            throw new IllegalArgumentException("rememberedOrigins must be positive, got " + rememberedOrigins);
        }
        this.recentIds = bounded(rememberedIds, false);
        this.highestSequences = bounded(rememberedOrigins, true);
    }

    /** What to do with an envelope; {@link #admit} also says how many messages a gap skipped. */
    public Verdict check(Envelope envelope) {
        return admit(envelope).verdict();
    }

    /** What to do with an envelope, and how many messages of its origin were missed before it. */
    public Admission admit(Envelope envelope) {
        return admit(envelope.messageId(), envelope.origin().instanceId(), envelope.sequence());
    }

    /**
     * A message that is not delivered (a kind only a newer sender knows) but took a number in its sender's sequence:
     * remembered as heard, so the sender's next message is no gap. The verdict says whether it was a duplicate, or
     * came after a gap.
     */
    public Admission admitSkipped(Decoded.Position position) {
        return admit(position.messageId(), position.origin().instanceId(), position.sequence());
    }

    private synchronized Admission admit(String messageId, String instance, long sequence) {
        if (recentIds.containsKey(messageId)) {
            return Admission.DUPLICATE;
        }
        Long highest = highestSequences.get(instance);
        if (highest != null && sequence <= highest) {
            return Admission.DUPLICATE;
        }
        recentIds.put(messageId, Boolean.TRUE);
        highestSequences.put(instance, sequence);
        return highest == null || sequence == highest + 1 ? Admission.DELIVER : Admission.gap(sequence - highest - 1);
    }

    /** How many message ids and origin instances are remembered now; for tests and diagnostics. */
    synchronized int rememberedIdCount() {
        return recentIds.size();
    }

    synchronized int rememberedOriginCount() {
        return highestSequences.size();
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
