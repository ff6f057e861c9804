package io.warcast.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path work;

    @Test
    void awaitReadyReturnsOnceTheConditionHolds() {
        try (ChildProcess child = start("echo ready; exec sleep 60")) {
            child.awaitReady("it printed ready", () -> child.logText().contains("ready"), Duration.ofSeconds(30));

            assertThat(child.isAlive()).isTrue();
        }
    }

    @Test
    void aProgramThatEndsBeforeItIsReadyFailsWithItsStatusAndLogTail() {
        try (ChildProcess child = start("echo bad configuration in line 3; exit 3")) {
            assertThatThrownBy(() -> child.awaitReady("it listens", () -> false, Duration.ofSeconds(30)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("test program exited with status 3 before it listens")
                    .hasMessageContaining("bad configuration in line 3");
        }
    }

    @Test
    void aProgramNotReadyInTimeIsStoppedAndNamedWithItsLogTail() {
        ChildProcess child = start("echo still loading; exec sleep 60");
        child.awaitReady("it printed", () -> child.logText().contains("still loading"), Duration.ofSeconds(30));

        assertThatThrownBy(() -> child.awaitReady("it listens", () -> false, Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test program was stopped: it listens did not happen within PT0.3S")
                .hasMessageContaining("still loading");
        assertThat(child.isAlive()).as("stopped when it timed out").isFalse();
    }

    @Test
    void stopEndsAProgramThatIgnoresTheTerminationSignal() {
        ChildProcess child = start("trap '' TERM; echo trapped; while :; do sleep 1; done");
        child.awaitReady("it printed", () -> child.logText().contains("trapped"), Duration.ofSeconds(30));

        child.stop(Duration.ofMillis(300));

        assertThat(child.isAlive()).isFalse();
    }

    private ChildProcess start(String script) {
        return ChildProcess.start("test program", List.of("sh", "-c", script), work, work.resolve("out.log"), "");
    }
}
