package io.warcast.tomcat;

import static io.warcast.tomcat.MaintenanceTomcat.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One maintenance state per Tomcat Server: shared by its Hosts, independent of any other Server in the JVM. */
class MaintenanceStateTest {

    @TempDir
    Path dir;

    private LogCapture log;

    @BeforeEach
    void setUp() {
        log = new LogCapture(MaintenanceState.class);
    }

    @AfterEach
    void tearDown() {
        log.close();
    }

    @Test
    void theJavaApiSwitchesAndEachChangeIsLoggedOnceSayingWhoMadeIt() {
        MaintenanceState state = new MaintenanceState();

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
    void everyHostOfAServerSharesOneStateThatComesWithTheStartAndGoesWithTheStop() throws Exception {
        try (MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a")) {
            MaintenanceValve otherHost = server.addHost("other.example");
            assertThat(MaintenanceState.of(server.tomcat.getServer()))
                    .as("no state before a valve started")
                    .isEmpty();

            server.start();
            MaintenanceState state = server.state();
            assertThat(MaintenanceState.of(server.tomcat.getHost()))
                    .as("found from a container inside the Server too")
                    .containsSame(state);
            assertThat(MaintenanceState.of(otherHost.getContainer()))
                    .as("the other Host's valve has the same state")
                    .containsSame(state);

            server.tomcat.stop();
            assertThat(MaintenanceState.of(server.tomcat.getServer()))
                    .as("the state goes with the Server's stop")
                    .isEmpty();
        }
    }

    @Test
    void twoServersInOneJvmHaveIndependentStatesAndFlagFiles() throws Exception {
        try (MaintenanceTomcat a = new MaintenanceTomcat(dir.resolve("a"), "node-a");
                MaintenanceTomcat b = new MaintenanceTomcat(dir.resolve("b"), "node-b")) {
            b.tomcat.getEngine().setName("TomcatB");
            a.deploy("", "001");
            b.deploy("", "001");
            a.start();
            b.start();
            assertThat(a.state()).isNotSameAs(b.state());

            a.state().enter();
            assertThat(a.get("/", null, JSON).statusCode()).isEqualTo(503);
            assertThat(b.get("/", null, JSON).statusCode())
                    .as("the other Server is not in maintenance")
                    .isEqualTo(200);
            a.state().leave();

            Files.createFile(b.flagFile());
            a.valve.backgroundProcess();
            b.valve.backgroundProcess();
            assertThat(b.state().isOn())
                    .as("the flag file in b's CATALINA_BASE switches b")
                    .isTrue();
            assertThat(a.state().isOn()).as("and not a").isFalse();
            assertThat(log.messages(Level.INFO))
                    .last()
                    .asString()
                    .contains("switched by [flag file " + b.flagFile() + "]");
        }
    }

    @Test
    void hostsThatShareAFlagFileSeeEachChangeOnce() throws Exception {
        try (MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a")) {
            MaintenanceValve otherHost = server.addHost("other.example");
            server.start();
            Files.createFile(server.flagFile());
            server.valve.backgroundProcess();
            server.state().leave();

            otherHost.backgroundProcess();

            assertThat(server.state().isOn())
                    .as("the other Host's valve looks at the same file of the same Server: no change for it")
                    .isFalse();
        }
    }
}
