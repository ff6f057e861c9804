package io.warcast.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterStatus.State;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BroadcasterStatusTest {

    @Test
    void aStatusHoldsEveryCounterAndZeroForThoseTheProviderDoesNotCount() {
        BroadcasterStatus status = status(Map.of(BroadcasterCounter.GAPS, 2L));

        assertThat(status.counters()).containsOnlyKeys(BroadcasterCounter.values());
        assertThat(status.counters().keySet())
                .as("in the counters' order")
                .containsExactly(BroadcasterCounter.values());
        assertThat(status.count(BroadcasterCounter.GAPS)).isEqualTo(2);
        assertThat(status.count(BroadcasterCounter.PUBLISHED)).isZero();
        assertThat(BroadcasterStatus.unknown().counters().values()).containsOnly(0L);
    }

    @Test
    void theNamedAccessorsReadTheCounters() {
        BroadcasterStatus status = status(Map.of(
                BroadcasterCounter.PUBLISHED, 1L,
                BroadcasterCounter.CONFIRMED, 2L,
                BroadcasterCounter.DELIVERED, 3L,
                BroadcasterCounter.DROPPED_OUTBOX, 4L,
                BroadcasterCounter.DROPPED_OVERFLOW, 5L,
                BroadcasterCounter.DUPLICATES_SUPPRESSED, 6L,
                BroadcasterCounter.GAPS, 7L,
                BroadcasterCounter.RESYNCS, 8L,
                BroadcasterCounter.RECONNECTS, 9L,
                BroadcasterCounter.UNCLAIMED, 10L));

        assertThat(List.of(
                        status.published(),
                        status.confirmed(),
                        status.delivered(),
                        status.duplicatesSuppressed(),
                        status.gaps(),
                        status.resyncs(),
                        status.reconnects(),
                        status.unclaimed()))
                .containsExactly(1L, 2L, 3L, 6L, 7L, 8L, 9L, 10L);
        assertThat(status.dropped()).as("for other servers and for listeners").isEqualTo(9);
    }

    private static BroadcasterStatus status(Map<BroadcasterCounter, Long> counters) {
        return new BroadcasterStatus(
                State.CONNECTED,
                Optional.of("rabbit:5672"),
                Optional.empty(),
                Optional.empty(),
                counters,
                0,
                Map.of(),
                List.of());
    }
}
