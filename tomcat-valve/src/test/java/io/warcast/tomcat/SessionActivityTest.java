package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.catalina.session.StandardSession;
import org.junit.jupiter.api.Test;

class SessionActivityTest {

    private static final Duration IDLE_LIMIT = Duration.ofMinutes(5);

    @Test
    void aSessionUsedWithinTheIdleLimitIsActive() {
        assertThat(SessionActivity.of(sessionUnusedFor(Duration.ofMinutes(4), 1800), IDLE_LIMIT))
                .isEqualTo(SessionActivity.ACTIVE);
    }

    @Test
    void aSessionUnusedForLongerIsIdleUntilItTimesOut() {
        assertThat(SessionActivity.of(sessionUnusedFor(Duration.ofMinutes(6), 1800), IDLE_LIMIT))
                .isEqualTo(SessionActivity.IDLE);
        assertThat(SessionActivity.of(sessionUnusedFor(Duration.ofDays(3), -1), IDLE_LIMIT))
                .as("a session that never times out goes idle too")
                .isEqualTo(SessionActivity.IDLE);
    }

    @Test
    void aSessionPastItsTimeoutHasTimedOutEvenWithinTheIdleLimit() {
        StandardSession session = sessionUnusedFor(Duration.ofSeconds(61), 60);

        assertThat(SessionActivity.of(session, IDLE_LIMIT)).isEqualTo(SessionActivity.TIMED_OUT);
        assertThat(SessionActivity.timedOut(session)).isTrue();
        assertThat(SessionActivity.timedOut(sessionUnusedFor(Duration.ofSeconds(59), 60)))
                .isFalse();
    }

    /** A session whose isValid() fails the test: it expires a timed-out session, and looking must not. */
    private static StandardSession sessionUnusedFor(Duration idle, int maxInactiveSeconds) {
        StandardSession session = new StandardSession(null) {
            @Override
            public boolean isValid() {
                throw new AssertionError("isValid() was called: it expires a timed-out session");
            }
        };
        session.setValid(true);
        session.setCreationTime(System.currentTimeMillis() - idle.toMillis());
        session.setMaxInactiveInterval(maxInactiveSeconds);
        return session;
    }
}
