package io.warcast.broadcast.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffAndFailureLogTest {

    private static final ConnectFailure REFUSED =
            new ConnectFailure(ConnectFailure.Kind.UNREACHABLE, "Warcast cannot connect to … unreachable");
    private static final ConnectFailure BAD_PASSWORD =
            new ConnectFailure(ConnectFailure.Kind.BAD_CREDENTIALS, "Warcast cannot connect to … password refused");

    @Test
    void theBackoffStartsAtOneSecondAndDoublesToThirtySeconds() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(Backoff::delayMs))
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
        assertThat(Backoff.delayMs(1_000)).isEqualTo(30_000);
    }

    @Test
    void theFirstFailureIsLoggedThenOnlyAChangeOfKindOrAReminderEveryFiveMinutes() {
        FailureLog failures = new FailureLog();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");

        assertThat(failures.failed(REFUSED, start))
                .contains("Warcast cannot connect to … unreachable; retrying, Tomcat and its applications go on");
        assertThat(failures.failed(REFUSED, start.plusSeconds(1))).isEmpty();
        assertThat(failures.failed(REFUSED, start.plusSeconds(299))).isEmpty();
        assertThat(failures.failed(REFUSED, start.plus(Duration.ofMinutes(5))))
                .contains("Warcast cannot connect to … unreachable — still unreachable after 4 attempts");
        assertThat(failures.failed(BAD_PASSWORD, start.plus(Duration.ofMinutes(6))))
                .contains("Warcast cannot connect to … password refused (attempt 5); retrying, Tomcat and its"
                        + " applications go on");
        assertThat(failures.failed(BAD_PASSWORD, start.plus(Duration.ofMinutes(7))))
                .isEmpty();

        failures.reset();
        assertThat(failures.failed(BAD_PASSWORD, start.plus(Duration.ofMinutes(8))))
                .isPresent();
    }
}
