package io.warcast.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BroadcasterCounterTest {

    @Test
    void theCountersAreTheJmxAttributesOperatorsRead() {
        assertThat(Stream.of(BroadcasterCounter.values()).map(BroadcasterCounter::attribute))
                .as("a renamed attribute breaks an operator's monitoring; a new one is added here on purpose")
                .containsExactly(
                        "Published",
                        "Delivered",
                        "ListenerFailures",
                        "DroppedOverflow",
                        "Resyncs",
                        "Sent",
                        "Confirmed",
                        "Received",
                        "DroppedOutbox",
                        "DuplicatesSuppressed",
                        "Gaps",
                        "Reconnects",
                        "Unclaimed",
                        "Forged",
                        "Untrusted");
    }

    @Test
    void aCounterInALogLineIsItsAttributeInLowerCamelCase() {
        assertThat(BroadcasterCounter.DUPLICATES_SUPPRESSED.logName()).isEqualTo("duplicatesSuppressed");
        assertThat(BroadcasterCounter.PUBLISHED.logName()).isEqualTo("published");
    }

    @Test
    void everyCounterSaysWhatItCountsInAFewWords() {
        for (BroadcasterCounter counter : BroadcasterCounter.values()) {
            assertThat(counter.description())
                    .as("%s's description", counter)
                    .isNotBlank()
                    .hasSizeLessThan(120)
                    .doesNotEndWith(".");
        }
    }
}
