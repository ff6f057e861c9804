package io.warcast.broadcast.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.warcast.api.Origin;
import io.warcast.broadcast.delivery.InboundFilter.Admission;
import io.warcast.broadcast.delivery.InboundFilter.Verdict;
import io.warcast.broadcast.wire.Decoded;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.Payload;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundFilterTest {

    private static final Optional<String> NO_USER_ID = Optional.empty();

    private final InboundFilter filter = new InboundFilter(100);

    @Test
    void deliversConsecutiveMessagesOfAnOrigin() {
        assertThat(filter.admit(from("a", 1, "m1"))).isEqualTo(new Admission(Verdict.DELIVER, 0));
        assertThat(filter.check(from("a", 2, "m2"))).isEqualTo(Verdict.DELIVER);
        assertThat(filter.check(from("a", 3, "m3"))).isEqualTo(Verdict.DELIVER);
    }

    @Test
    void deliversTheFirstMessageOfAnUnknownInstanceWhateverItsNumber() {
        // This server was not listening when the sender sent 1 to 4711: nothing it could have had was missed.
        assertThat(filter.admit(from("a", 4_712, "m1"))).isEqualTo(new Admission(Verdict.DELIVER, 0));
        assertThat(filter.admit(from("b", 1, "m2"))).isEqualTo(new Admission(Verdict.DELIVER, 0));
        assertThat(filter.check(from("a", 4_713, "m3"))).isEqualTo(Verdict.DELIVER);
    }

    @Test
    void dropsAMessageIdSeenBefore() {
        filter.check(from("a", 1, "m1"));

        assertThat(filter.admit(from("a", 1, "m1"))).isEqualTo(new Admission(Verdict.DUPLICATE, 0));
        // Same id under another origin and number: still the same message, redelivered.
        assertThat(filter.check(from("b", 9, "m1"))).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void dropsAnOldSequenceNumberWhoseIdWasForgotten() {
        InboundFilter forgetful = new InboundFilter(2);
        forgetful.check(from("a", 1, "m1"));
        forgetful.check(from("a", 2, "m2"));
        forgetful.check(from("a", 3, "m3"));
        assertThat(forgetful.rememberedIdCount()).isEqualTo(2);

        // m1 fell out of the id memory; its sequence number still gives it away.
        assertThat(forgetful.check(from("a", 1, "m1"))).isEqualTo(Verdict.DUPLICATE);
        assertThat(forgetful.check(from("a", 3, "m3-again"))).isEqualTo(Verdict.DUPLICATE);
        assertThat(forgetful.check(from("a", 4, "m4"))).isEqualTo(Verdict.DELIVER);
    }

    @Test
    void reportsAGapWithHowManyWereMissed() {
        filter.check(from("a", 1, "m1"));
        filter.check(from("a", 2, "m2"));

        assertThat(filter.admit(from("a", 6, "m6"))).isEqualTo(new Admission(Verdict.GAP_THEN_DELIVER, 3));
        assertThat(filter.admit(from("a", 7, "m7"))).isEqualTo(new Admission(Verdict.DELIVER, 0));
        assertThat(filter.check(from("a", 9, "m9"))).isEqualTo(Verdict.GAP_THEN_DELIVER);
        // A late straggler from inside the gap cannot be put back in order: dropped.
        assertThat(filter.check(from("a", 4, "m4"))).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void keepsEachOriginInstanceApart() {
        filter.check(from("a", 10, "a10"));
        filter.check(from("b", 1, "b1"));

        assertThat(filter.check(from("b", 2, "b2"))).isEqualTo(Verdict.DELIVER);
        assertThat(filter.check(from("a", 11, "a11"))).isEqualTo(Verdict.DELIVER);
        // A redeployed copy is a new instance: its numbers start again at 1.
        assertThat(filter.check(from("a-redeployed", 1, "r1"))).isEqualTo(Verdict.DELIVER);
    }

    @Test
    void aDuplicateDoesNotMoveTheSequenceOn() {
        filter.check(from("a", 5, "m5"));
        filter.check(from("a", 5, "m5"));

        assertThat(filter.check(from("a", 6, "m6"))).isEqualTo(Verdict.DELIVER);
    }

    @Test
    void forgetsTheLeastRecentlyHeardOriginsBeyondItsBound() {
        InboundFilter small = new InboundFilter(1_000, 3);
        small.check(from("a", 1, "a1"));
        small.check(from("b", 1, "b1"));
        small.check(from("c", 1, "c1"));
        small.check(from("a", 2, "a2")); // a is heard again: b is now the least recent
        small.check(from("d", 1, "d1"));

        assertThat(small.rememberedOriginCount()).isEqualTo(3);
        // b was forgotten: its next message counts as a first message, not as a gap.
        assertThat(small.admit(from("b", 5, "b5"))).isEqualTo(new Admission(Verdict.DELIVER, 0));
        // a was remembered: a skip is still seen.
        assertThat(small.admit(from("a", 4, "a4"))).isEqualTo(new Admission(Verdict.GAP_THEN_DELIVER, 1));
    }

    @Test
    void staysBoundedUnderAFleetOfRestartingApps() {
        InboundFilter bounded = new InboundFilter(500);
        for (int i = 0; i < 30_000; i++) {
            bounded.check(from("instance-" + i, 1, "m" + i));
        }

        assertThat(bounded.rememberedIdCount()).isEqualTo(500);
        assertThat(bounded.rememberedOriginCount()).isEqualTo(InboundFilter.DEFAULT_REMEMBERED_ORIGINS);
    }

    @Test
    void refusesBoundsBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new InboundFilter(0));
        assertThrows(IllegalArgumentException.class, () -> new InboundFilter(10, 0));
    }

    @Test
    void aSkippedMessageOfAnUnknownKindTakesItsNumberSoTheNextIsNoGap() {
        filter.check(from("a", 1, "m1"));

        assertThat(filter.admitSkipped(skipped("a", 2, "m2"), NO_USER_ID)).isEqualTo(new Admission(Verdict.DELIVER, 0));
        assertThat(filter.admit(from("a", 3, "m3"))).isEqualTo(new Admission(Verdict.DELIVER, 0));
        assertThat(filter.admitSkipped(skipped("a", 2, "m2"), NO_USER_ID).verdict())
                .as("redelivered")
                .isEqualTo(Verdict.DUPLICATE);
        assertThat(filter.admitSkipped(skipped("a", 6, "m6"), NO_USER_ID))
                .as("numbers before it were missed")
                .isEqualTo(new Admission(Verdict.GAP_THEN_DELIVER, 2));
    }

    static Decoded.Position skipped(String instance, long sequence, String messageId) {
        Envelope envelope = from(instance, sequence, messageId);
        return new Decoded.Position(envelope.messageId(), envelope.origin(), envelope.sequence(), "presence");
    }

    static Envelope from(String instance, long sequence, String messageId) {
        return new Envelope(
                messageId,
                new Origin("node-a", "/shop", "001", instance),
                sequence,
                Instant.EPOCH,
                new Payload.Message("prices", "{\"sku\":\"K-1\"}"));
    }
}
