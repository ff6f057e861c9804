package io.warcast.broadcast.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.broadcast.amqp.LogLimiter.Line;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogLimiterTest {

    private final TestClock clock = new TestClock();
    private final LogLimiter<String> limiter = new LogLimiter<>(clock);

    @Test
    void theFirstEventIsLoggedInFullThenAtMostOneSummaryAMinuteWithTheCountAndTheLatest() {
        assertThat(limiter.event("MALFORMED", "garbage 1"))
                .contains(new Line<>("MALFORMED", true, 1, Duration.ZERO, "garbage 1"));
        for (int i = 2; i <= 1_000; i++) {
            clock.advance(Duration.ofMillis(60));
            assertThat(limiter.event("MALFORMED", "garbage " + i))
                    .as("event %d, within the minute", i)
                    .isEmpty();
        }
        clock.advance(Duration.ofSeconds(1)); // 999 × 60 ms = 59.94 s, + 1 s: past the minute
        assertThat(limiter.event("MALFORMED", "garbage 1001"))
                .as("the events since the first line, this one included")
                .contains(new Line<>("MALFORMED", false, 1_000, Duration.ofMillis(60_940), "garbage 1001"));
        assertThat(limiter.event("MALFORMED", "garbage 1002"))
                .as("a new minute begins")
                .isEmpty();
    }

    @Test
    void eachKeyHasItsOwnFirstLineAndItsOwnMinute() {
        assertThat(limiter.event("MALFORMED", "m"))
                .hasValueSatisfying(line -> assertThat(line.first()).isTrue());
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.event("OVERSIZED", "o"))
                .hasValueSatisfying(line -> assertThat(line.first()).isTrue());
        assertThat(limiter.event("MALFORMED", "m")).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.event("OVERSIZED", "o"))
                .as("OVERSIZED's minute began 30 s ago")
                .isEmpty();
        assertThat(limiter.event("MALFORMED", "m"))
                .contains(new Line<>("MALFORMED", false, 2, Duration.ofMinutes(1), "m"));
    }

    @Test
    void aFloodThatStopsIsSummedUpWhenItsMinuteIsOverWithoutAnotherEventOfItsKey() {
        limiter.event("MALFORMED", "first");
        limiter.event("UNKNOWN_VERSION", "only one");
        clock.advance(Duration.ofSeconds(10));
        limiter.event("MALFORMED", "second");
        limiter.event("MALFORMED", "third");

        clock.advance(Duration.ofSeconds(49));
        assertThat(limiter.due()).as("59 s after the first line").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.due())
                .as("only keys with events not yet logged")
                .containsExactly(new Line<>("MALFORMED", false, 2, Duration.ofMinutes(1), "third"));
        assertThat(limiter.due()).as("each event is summed up once").isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(limiter.due()).isEmpty();
        assertThat(limiter.event("MALFORMED", "later"))
                .as("after a quiet spell a summary of this one alone, not a first line again: the reader saw it before")
                .contains(new Line<>("MALFORMED", false, 1, Duration.ofMinutes(5), "later"));
    }
}
