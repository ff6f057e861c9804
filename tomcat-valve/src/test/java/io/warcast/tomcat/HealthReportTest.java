package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.tomcat.HealthReport.State;
import io.warcast.tomcat.SessionInventory.ContextCount;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static final PathPatterns MANAGER_EXEMPT = PathPatterns.parse("/manager/*");
    private static final Duration DRAIN_IDLE = Duration.ofMinutes(5);

    @Test
    void idleSessionsDoNotHoldTheDrain() {
        HealthReport report = report(true, new ContextCount("/", "001", 0, 12), new ContextCount("/", "002", 0, 3));

        assertThat(report.state()).as("only idle sessions are left").isEqualTo(State.DRAINED);
        assertThat(report.json())
                .contains("\"totalSessions\":15,\"activeSessions\":0,\"idleSessions\":15,\"drainIdleSeconds\":300");
    }

    @Test
    void oneActiveSessionOfAnyVersionHoldsIt() {
        HealthReport report = report(true, new ContextCount("/", "001", 0, 12), new ContextCount("/", "002", 1, 0));

        assertThat(report.state()).isEqualTo(State.MAINTENANCE);
    }

    @Test
    void activeSessionsOfAnExemptContextDoNotHoldIt() {
        HealthReport report = report(true, new ContextCount("/", "001", 0, 1), new ContextCount("/manager", "", 2, 0));

        assertThat(report.state()).isEqualTo(State.DRAINED);
        assertThat(report.json())
                .contains("{\"context\":\"/manager\",\"version\":\"\",\"active\":2,\"idle\":0,\"exempt\":true}")
                .contains("\"totalSessions\":1,\"activeSessions\":0,\"idleSessions\":1");
    }

    @Test
    void outsideMaintenanceItIsUpWhateverTheSessions() {
        assertThat(report(false, new ContextCount("/", "001", 4, 0)).state()).isEqualTo(State.UP);
        assertThat(report(false).state()).isEqualTo(State.UP);
    }

    private static HealthReport report(boolean maintenance, ContextCount... contexts) {
        return HealthReport.of(maintenance, "node-a", DRAIN_IDLE, List.of(contexts), MANAGER_EXEMPT);
    }
}
