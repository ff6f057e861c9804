package io.warcast.broadcast.amqp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a broker that stays away from filling the log: the first failure is logged, then only a failure of another
 * kind, or a reminder every {@link #REMINDER}.
 */
final class FailureLog {

    static final Duration REMINDER = Duration.ofMinutes(5);

    private ConnectFailure.Kind lastKind;
    private Instant lastLogged;
    private int attempts;

    /** The line to log for this failed attempt, if any. */
    Optional<String> failed(ConnectFailure failure, Instant now) {
        attempts++;
        if (failure.kind() != lastKind) {
            lastKind = failure.kind();
            lastLogged = now;
            return Optional.of(failure.message() + (attempts > 1 ? " (attempt " + attempts + ")" : "")
                    + "; retrying, Tomcat and its applications go on");
        }
        if (Duration.between(lastLogged, now).compareTo(REMINDER) >= 0) {
            lastLogged = now;
            String still = failure.kind() == ConnectFailure.Kind.UNREACHABLE ? "still unreachable" : "still failing";
            return Optional.of(failure.message() + " — " + still + " after " + attempts + " attempts");
        }
        return Optional.empty();
    }

    /** The attempts since the last success. */
    int attempts() {
        return attempts;
    }

    /** A connection succeeded: the next failure is news again. */
    void reset() {
        lastKind = null;
        lastLogged = null;
        attempts = 0;
    }
}
