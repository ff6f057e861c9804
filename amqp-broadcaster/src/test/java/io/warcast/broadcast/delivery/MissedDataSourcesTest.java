package io.warcast.broadcast.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MissedDataSourcesTest {

    @Test
    void asksForOneFlushPerDataSourceOnceAndThenForgets() {
        MissedDataSources missed = new MissedDataSources();
        missed.add("orders");
        missed.add("customers");
        missed.add("orders");

        assertThat(missed.drain()).containsExactly(Optional.of("orders"), Optional.of("customers"));
        assertThat(missed.isEmpty()).isTrue();
        assertThat(missed.drain()).isEmpty();
    }

    @Test
    void pastTheLimitOrAfterAFlushOfAllItAsksForOneFlushOfEverything() {
        MissedDataSources many = new MissedDataSources();
        for (int i = 0; i <= MissedDataSources.LIMIT; i++) {
            many.add("ds" + i);
        }
        MissedDataSources flushAll = new MissedDataSources();
        flushAll.add("orders");
        flushAll.addAll();
        flushAll.add("customers");

        assertThat(many.drain()).containsExactly(Optional.empty());
        assertThat(flushAll.drain()).containsExactly(Optional.empty());
    }
}
