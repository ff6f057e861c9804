package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.tomcat.MaintenanceDecision.Outcome;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** One test per branch of the valve's decision, in the order the decision takes them. */
class MaintenanceDecisionTest {

    private final MaintenanceDecision decision =
            new MaintenanceDecision("/warcast/health", PathPatterns.parse("/status,/static/*"));
    private final AtomicInteger sessionLookups = new AtomicInteger();

    private BooleanSupplier session(boolean valid) {
        return () -> {
            sessionLookups.incrementAndGet();
            return valid;
        };
    }

    @Test
    void whatTomcatAlreadyAnsweredPassesUntouchedEvenOnTheHealthPath() {
        assertThat(decision.decide("/api/items", true, true, session(false))).isEqualTo(Outcome.ALREADY_ANSWERED);
        assertThat(decision.decide("/warcast/health", true, true, session(false)))
                .isEqualTo(Outcome.ALREADY_ANSWERED);
        assertThat(decision.decide("/api/items", true, false, session(false))).isEqualTo(Outcome.ALREADY_ANSWERED);
        assertThat(Outcome.ALREADY_ANSWERED.passes()).isTrue();
        assertThat(sessionLookups).hasValue(0);
    }

    @Test
    void theHealthPathIsAnsweredInMaintenance() {
        assertThat(decision.decide("/warcast/health", false, true, session(false)))
                .isEqualTo(Outcome.HEALTH);
    }

    @Test
    void theHealthPathIsAnsweredOutsideMaintenanceToo() {
        assertThat(decision.decide("/warcast/health", false, false, session(false)))
                .isEqualTo(Outcome.HEALTH);
        assertThat(Outcome.HEALTH.passes()).isFalse();
    }

    @Test
    void outsideMaintenanceEveryRequestPassesWithoutLookingForASession() {
        assertThat(decision.decide("/api/items", false, false, session(false))).isEqualTo(Outcome.NOT_IN_MAINTENANCE);
        assertThat(Outcome.NOT_IN_MAINTENANCE.passes()).isTrue();
        assertThat(sessionLookups).hasValue(0);
    }

    @Test
    void anExemptPathPassesInMaintenanceWithoutASession() {
        assertThat(decision.decide("/static/app.js", false, true, session(false)))
                .isEqualTo(Outcome.EXEMPT);
        assertThat(decision.decide("/status", false, true, session(false))).isEqualTo(Outcome.EXEMPT);
        assertThat(Outcome.EXEMPT.passes()).isTrue();
        assertThat(sessionLookups).hasValue(0);
    }

    @Test
    void aRequestWithAValidSessionPassesInMaintenance() {
        assertThat(decision.decide("/api/items", false, true, session(true))).isEqualTo(Outcome.VALID_SESSION);
        assertThat(Outcome.VALID_SESSION.passes()).isTrue();
    }

    @Test
    void aRequestWithoutAValidSessionIsRejectedInMaintenance() {
        assertThat(decision.decide("/api/items", false, true, session(false))).isEqualTo(Outcome.REJECT);
        assertThat(decision.decide("/status/more", false, true, session(false)))
                .as("an exact pattern covers only its own path")
                .isEqualTo(Outcome.REJECT);
        assertThat(Outcome.REJECT.passes()).isFalse();
        assertThat(sessionLookups).hasValue(2);
    }
}
