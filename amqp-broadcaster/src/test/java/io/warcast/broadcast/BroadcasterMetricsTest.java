package io.warcast.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line logged at stop names every counter, so a new one shows up there without more code. */
class BroadcasterMetricsTest {

    private final BroadcasterMetrics metrics = new BroadcasterMetrics();

    @Test
    void theStopLineOfALocalOnlyServerNamesTheCountersThatMoveWithoutABroker() {
        countEach();

        List<String> shown = Arrays.asList(metrics.toString().split(", "));

        for (BroadcasterCounter counter : BroadcasterCounter.values()) {
            if (counter.overBroker()) {
                assertThat(shown)
                        .as("%s stays 0 without a broker", counter)
                        .noneMatch(part -> part.startsWith(counter.logName() + "="));
            } else {
                assertThat(shown).contains(counter.logName() + "=" + metrics.get(counter));
            }
        }
    }

    @Test
    void theStopLineOfAServerWithABrokerNamesEveryCounterAndTheOutbox() {
        countEach();
        metrics.connecting();

        List<String> shown = Arrays.asList(metrics.toString().split(", "));

        for (BroadcasterCounter counter : BroadcasterCounter.values()) {
            assertThat(shown).contains(counter.logName() + "=" + metrics.get(counter));
        }
        assertThat(shown).contains("buffered=0").anyMatch(part -> part.startsWith("rejected={"));
    }

    private void countEach() {
        BroadcasterCounter[] counters = BroadcasterCounter.values();
        for (int i = 0; i < counters.length; i++) {
            metrics.add(counters[i], 100 + i);
        }
    }
}
