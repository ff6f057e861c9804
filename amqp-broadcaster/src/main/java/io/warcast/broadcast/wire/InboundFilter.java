package io.warcast.broadcast.wire;

/**
 * Decides what to do with each envelope received from another server: deliver it, drop it as a duplicate
 * (redelivered after a reconnect), or deliver it after telling listeners to resync because the sender's sequence
 * skipped numbers. Called from one consumer thread at a time.
 */
public final class InboundFilter {

    /** What to do with one envelope. */
    public enum Verdict {
        DELIVER,
        DUPLICATE,
        /** Messages from this origin were missed: resync listeners first, then deliver this one. */
        GAP_THEN_DELIVER
    }

    /** @param rememberedIds how many recent message ids are kept to recognise duplicates */
    public InboundFilter(int rememberedIds) {
        if (rememberedIds < 1) {
            throw new IllegalArgumentException("rememberedIds must be positive, got " + rememberedIds);
        }
    }

    public Verdict check(Envelope envelope) {
        throw new UnsupportedOperationException("being written");
    }
}
