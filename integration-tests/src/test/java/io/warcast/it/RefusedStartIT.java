package io.warcast.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warcast.harness.CatalinaBase;
import io.warcast.harness.CatalinaScript;
import io.warcast.harness.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bad setting in {@code conf/warcast.properties} refuses Tomcat's start, and the Tomcat process says so the way
 * systemd's {@code Restart=on-failure} and deploy scripts understand: it ends with a non-zero exit status, after
 * Warcast's one line that names the key, the value and the expected form, with no stack trace. Tomcat started by
 * its own {@code bin/catalina.sh} ({@code run}, {@code start}, {@code configtest}), on the real distribution with the
 * bundle.
 */
class RefusedStartIT {

    private static final String BAD_SETTING = "amqpbroadcast.port=abc";
    private static final String WARCAST_LINE = "Warcast provider [amqp-broadcaster] cannot start, so Tomcat does not"
            + " start: [amqpbroadcast.port=[abc]: expected a whole number from 1 to 65535]";
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private CatalinaBase base;
    private CatalinaScript catalinaSh;

    @AfterEach
    void stopWhateverStarted() {
        if (catalinaSh != null) {
            catalinaSh.close();
        }
    }

    /** How systemd runs Tomcat in the foreground ({@code Type=simple}). */
    @Test
    void catalinaShRunEndsWithStatus1AfterWarcastsOneLine() throws IOException {
        prepareBaseWithBadSetting("run");

        CatalinaScript.Ended run = catalinaSh.run("run", LIMIT);

        assertThat(run.exitStatus())
                .as("exit status of catalina.sh run, which execs the Tomcat JVM:%n%s", run.output())
                .isEqualTo(1);
        expectOnlyWarcastsLine(run.output().lines().toList(), "the output of catalina.sh run");
        expectOnlyWarcastsLine(
                Files.readAllLines(base.catalinaLog()), base.catalinaLog().toString());
    }

    /**
     * A deploy script's check before a restart. {@code configtest} leaves out Tomcat's logging configuration, so the
     * JVM's default format puts the source of Warcast's line on a line of its own.
     */
    @Test
    void catalinaShConfigtestFindsTheBadSettingAndEndsWithStatus1() {
        prepareBaseWithBadSetting("configtest");

        CatalinaScript.Ended configtest = catalinaSh.run("configtest", LIMIT);

        assertThat(configtest.exitStatus())
                .as("exit status of catalina.sh configtest:%n%s", configtest.output())
                .isEqualTo(1);
        assertThat(configtest.output())
                .contains("SEVERE: " + WARCAST_LINE, "Configuration error detected!")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void catalinaShStartReturns0ButTheTomcatJvmEndsWithStatus1AfterWarcastsOneLine() throws IOException {
        prepareBaseWithBadSetting("start");

        CatalinaScript.Ended start = catalinaSh.run("start", LIMIT);

        assertThat(start.exitStatus())
                .as("catalina.sh start only launches the JVM in the background, and says so:%n%s", start.output())
                .isZero();
        assertThat(start.output()).contains("Tomcat started.");
        int jvmStatus = await("the Tomcat JVM that catalina.sh start left in the background ends by itself")
                .atMost(LIMIT)
                .until(catalinaSh::tomcatJvmExitStatus, status -> status.isPresent())
                .orElseThrow();
        assertThat(jvmStatus).as("exit status of the Tomcat JVM").isEqualTo(1);
        expectOnlyWarcastsLine(
                Files.readAllLines(catalinaSh.catalinaOut()),
                catalinaSh.catalinaOut().toString());
        expectOnlyWarcastsLine(
                Files.readAllLines(base.catalinaLog()), base.catalinaLog().toString());
    }

    private void prepareBaseWithBadSetting(String command) {
        Path work = Path.of(System.getProperty("warcast.it.work", "target/fleet"))
                .resolve("refused-start")
                .resolve(command);
        base = CatalinaBase.create(
                Path.of(System.getProperty("warcast.it.tomcat.home")),
                Path.of(System.getProperty("warcast.it.bundle")),
                work,
                "refused",
                FreePorts.pick());
        base.writeWarcastProperties(BAD_SETTING + "\n");
        catalinaSh = new CatalinaScript(base);
    }

    private static void expectOnlyWarcastsLine(List<String> lines, String where) {
        assertThat(lines)
                .as("Warcast's line in %s", where)
                .filteredOn(line -> line.endsWith(WARCAST_LINE))
                .singleElement()
                .asString()
                .contains("SEVERE", "io.warcast.tomcat.");
        assertThat(lines)
                .as("SEVERE lines in %s: Warcast's alone, no SEVERE from Tomcat about the failed start", where)
                .filteredOn(line -> line.contains(" SEVERE "))
                .allMatch(line -> line.endsWith(WARCAST_LINE));
        assertThat(lines)
                .as("stack trace lines in %s (an expected condition gets none)", where)
                .noneMatch(line -> line.stripLeading().startsWith("at ") || line.contains("Caused by:"))
                .noneMatch(line -> line.contains("Exception") || line.contains("Error running command"));
    }
}
