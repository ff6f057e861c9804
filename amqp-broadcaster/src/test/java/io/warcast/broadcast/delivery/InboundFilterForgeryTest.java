package io.warcast.broadcast.delivery;

import static io.warcast.broadcast.delivery.InboundFilterTest.from;
import static io.warcast.broadcast.delivery.InboundFilterTest.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.broadcast.delivery.InboundFilter.Admission;
import io.warcast.broadcast.delivery.InboundFilter.Verdict;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A message's publisher is its AMQP {@code user_id}, vouched for by the broker. An origin instance belongs to the
 * publisher it was first heard from: a message naming it from another publisher, or none, is refused as forged and
 * changes nothing, so a forged sequence number can neither silence the real sender nor make anyone flush.
 */
class InboundFilterForgeryTest {

    private static final Optional<String> SERVER_A = Optional.of("warcast-a");
    private static final Optional<String> MALLORY = Optional.of("mallory");
    private static final Optional<String> NONE = Optional.empty();
    private static final Admission DELIVER = new Admission(Verdict.DELIVER, 0);

    private final InboundFilter filter = new InboundFilter(100);

    @Test
    void aForgedHighestSequenceNumberDoesNotSilenceTheRealSender() {
        filter.admit(from("a", 1, "a1"), SERVER_A);

        assertThat(filter.admit(from("a", Long.MAX_VALUE, "forged-1"), MALLORY).verdict())
                .isEqualTo(Verdict.FORGED);
        for (int sequence = 2; sequence <= 11; sequence++) {
            assertThat(filter.admit(from("a", sequence, "a" + sequence), SERVER_A))
                    .as("A's real change %d after the forgery", sequence)
                    .isEqualTo(DELIVER);
        }
    }

    @Test
    void aForgedNumberTwoAboveMakesNoGap() {
        filter.admit(from("a", 1, "a1"), SERVER_A);

        assertThat(filter.admit(from("a", 3, "forged-3"), MALLORY).verdict()).isEqualTo(Verdict.FORGED);
        assertThat(filter.admit(from("a", 2, "a2"), SERVER_A)).isEqualTo(DELIVER);
        assertThat(filter.admit(from("a", 3, "a3"), SERVER_A))
                .as("not a duplicate of the forgery")
                .isEqualTo(DELIVER);
    }

    @Test
    void aMessageWithoutUserIdNamingABoundInstanceIsForged() {
        filter.admit(from("a", 1, "a1"), SERVER_A);

        assertThat(filter.admit(from("a", 2, "forged-2"), NONE).verdict()).isEqualTo(Verdict.FORGED);
        assertThat(filter.admit(from("a", 2, "a2"), SERVER_A)).isEqualTo(DELIVER);
    }

    @Test
    void anInstanceFirstHeardWithoutUserIdStaysWithout() {
        filter.admit(from("old", 1, "o1"), NONE);

        assertThat(filter.admit(from("old", 2, "forged-2"), MALLORY).verdict()).isEqualTo(Verdict.FORGED);
        assertThat(filter.admit(from("old", 2, "o2"), NONE)).isEqualTo(DELIVER);
    }

    @Test
    void aForgedMessageIdIsNotRememberedAsDelivered() {
        filter.admit(from("a", 1, "a1"), SERVER_A);
        filter.admit(from("a", 2, "next-id"), MALLORY);

        assertThat(filter.admit(from("a", 2, "next-id"), SERVER_A)).isEqualTo(DELIVER);
        assertThat(filter.rememberedIdCount()).isEqualTo(2);
    }

    @Test
    void aForgedMessageOfAnUnknownKindTakesNoNumber() {
        filter.admit(from("a", 1, "a1"), SERVER_A);

        assertThat(filter.admitSkipped(skipped("a", Long.MAX_VALUE, "forged"), MALLORY)
                        .verdict())
                .isEqualTo(Verdict.FORGED);
        assertThat(filter.admit(from("a", 2, "a2"), SERVER_A)).isEqualTo(DELIVER);
    }

    @Test
    void withTrustedPublishersAnyOtherOrNoneIsUntrustedAndBindsNothing() {
        InboundFilter trusting = new InboundFilter(100, 10, Set.of("warcast-a", "warcast-b"));

        assertThat(trusting.admit(from("a", 9, "forged-9"), MALLORY).verdict()).isEqualTo(Verdict.UNTRUSTED);
        assertThat(trusting.admit(from("a", 9, "forged-9b"), NONE).verdict()).isEqualTo(Verdict.UNTRUSTED);
        assertThat(trusting.rememberedOriginCount())
                .as("an untrusted message binds nothing")
                .isZero();
        assertThat(trusting.admit(from("a", 1, "a1"), SERVER_A)).isEqualTo(DELIVER);
        assertThat(trusting.admit(from("a", 2, "a2"), Optional.of("warcast-b")).verdict())
                .as("a trusted publisher still cannot speak for another's instance")
                .isEqualTo(Verdict.FORGED);
    }

    @Test
    void theBindingLivesInTheSameBoundedMemory() {
        InboundFilter small = new InboundFilter(1_000, 3);
        for (int i = 0; i < 30_000; i++) {
            small.admit(from("instance-" + i, 1, "m" + i), Optional.of("user-" + i));
        }

        assertThat(small.rememberedOriginCount()).isEqualTo(3);
        assertThat(small.admit(from("instance-29999", 2, "forged"), MALLORY).verdict())
                .as("a remembered instance stays bound")
                .isEqualTo(Verdict.FORGED);
        assertThat(small.admit(from("instance-0", 2, "m-again"), MALLORY))
                .as("a forgotten instance is heard anew, as today: the first publisher binds it again")
                .isEqualTo(DELIVER);
    }
}
