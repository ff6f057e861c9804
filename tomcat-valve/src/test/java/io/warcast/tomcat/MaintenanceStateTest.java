package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import javax.management.Attribute;
import javax.management.MBeanServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaintenanceStateTest {

    private final MaintenanceState state = MaintenanceState.get();
    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    private LogCapture log;

    @BeforeEach
    void setUp() {
        state.switchTo(false, "test set-up");
        log = new LogCapture(MaintenanceState.class);
    }

    @AfterEach
    void tearDown() {
        log.close();
        state.switchTo(false, "test tear-down");
    }

    @Test
    void theJavaApiSwitchesAndEachChangeIsLoggedOnceSayingWhoMadeIt() {
        state.enter();
        state.enter();
        state.leave();

        assertThat(log.messages(Level.INFO))
                .containsExactly(
                        "Maintenance mode ON, switched by [Java API]: requests without a valid session get the"
                                + " maintenance response",
                        "Maintenance mode OFF, switched by [Java API]");
        assertThat(state.current().switchedBy()).isEqualTo("Java API");
        assertThat(state.current().at()).isNotNull();
    }

    @Test
    void jmxSeesAndSwitchesTheSameStateWhileAValveRuns() throws Exception {
        state.valveStarted();
        try {
            assertThat(jmx.getAttribute(MaintenanceState.objectName(), "Maintenance"))
                    .isEqualTo(false);

            jmx.invoke(MaintenanceState.objectName(), "enter", null, null);
            assertThat(state.isOn()).isTrue();
            assertThat(jmx.getAttribute(MaintenanceState.objectName(), "SwitchedBy"))
                    .isEqualTo("JMX");

            jmx.setAttribute(MaintenanceState.objectName(), new Attribute("Maintenance", false));
            assertThat(state.isOn()).isFalse();
            state.enter();
            assertThat(jmx.getAttribute(MaintenanceState.objectName(), "Maintenance"))
                    .isEqualTo(true);
            assertThat(log.messages(Level.INFO))
                    .hasSize(3)
                    .allMatch(message ->
                            message.contains("switched by [JMX]") || message.contains("switched by [Java API]"));
        } finally {
            state.valveStopped();
        }
        assertThat(jmx.isRegistered(MaintenanceState.objectName()))
                .as("the last valve to stop unregisters the switch")
                .isFalse();
    }

    @Test
    void theSwitchStaysRegisteredUntilTheLastValveStops() {
        state.valveStarted();
        state.valveStarted();
        state.valveStopped();
        try {
            assertThat(jmx.isRegistered(MaintenanceState.objectName())).isTrue();
        } finally {
            state.valveStopped();
        }
        assertThat(jmx.isRegistered(MaintenanceState.objectName())).isFalse();
    }
}
