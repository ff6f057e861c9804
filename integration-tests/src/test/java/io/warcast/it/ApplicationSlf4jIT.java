package io.warcast.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warcast.harness.SampleClient;
import io.warcast.harness.TomcatNode;
import io.warcast.it.slf4j.Slf4jProbeListener;
import io.warcast.it.slf4j.Slf4jProviderServlet;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An application that brings its own SLF4J 2 and provider ({@code slf4j-api} and {@code slf4j-simple} in
 * {@code WEB-INF/lib}) on a Tomcat with the Warcast bundle: its SLF4J finds its own provider alone, with no warning
 * about other providers, while Warcast still logs its own lines into Tomcat's {@code catalina.<date>.log}.
 */
class ApplicationSlf4jIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PROBE_PATH = "/slf4j-probe";

    private TomcatNode tomcat;

    @AfterEach
    void stopTomcat() {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    @Test
    void anApplicationWithItsOwnSlf4jProviderStartsWithoutProviderWarningsAndWarcastStillLogsIntoJuli()
            throws IOException {
        Path work = Path.of(System.getProperty("warcast.it.work", "target/fleet"));
        tomcat = TomcatNode.start(
                Path.of(System.getProperty("warcast.it.tomcat.home")),
                Path.of(System.getProperty("warcast.it.bundle")),
                work.resolve("application-slf4j"),
                "slf4j-node",
                "");
        Path console = tomcat.base().consoleLog();
        Path catalinaLog = tomcat.base().catalinaLog();

        tomcat.manager().deploy(PROBE_PATH, "", probeWar(work.resolve("slf4j-probe.war")));

        SampleClient probe = new SampleClient(tomcat.base().uri().resolve(PROBE_PATH + "/"));
        assertThat(probe.get("provider").body())
                .as("the logger factory the application's own SLF4J bound to")
                .isEqualTo("org.slf4j.simple.SimpleLoggerFactory");
        await("the application's line, written by its slf4j-simple to Tomcat's console")
                .atMost(LIMIT)
                .until(() -> lines(console).stream().anyMatch(line -> line.contains(Slf4jProbeListener.STARTED_LINE)));
        assertThat(lines(console))
                .as(
                        "SLF4J's own reports in %s (such as 'multiple SLF4J providers', 'Found provider',"
                                + " 'A service provider failed to instantiate')",
                        console)
                .noneMatch(line -> line.startsWith("SLF4J"))
                .noneMatch(line -> line.contains("SLF4J providers") || line.contains("Found provider"));
        await("Warcast's start line in " + catalinaLog)
                .atMost(LIMIT)
                .until(() -> warcastBroadcasterLines(catalinaLog).stream()
                        .anyMatch(line -> line.contains("Warcast runs local-only")));

        tomcat.close();

        assertThat(warcastBroadcasterLines(catalinaLog))
                .as("Warcast's broadcaster lines in %s, each one line in Tomcat's format", catalinaLog)
                .anyMatch(line -> line.contains("Warcast settings ("))
                .anyMatch(line -> line.contains("Warcast stopped: "))
                .allMatch(line -> line.matches("\\d{2}-\\w{3}-\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\w+ .*"));
        assertThat(lines(catalinaLog))
                .as("Warcast's Tomcat listener lines in %s", catalinaLog)
                .anyMatch(line -> line.contains("Application [" + PROBE_PATH + "] joined Warcast"));
    }

    /** The probe classes, with slf4j-api and slf4j-simple from {@code warcast.it.probe.libs} in WEB-INF/lib. */
    private static Path probeWar(Path file) {
        Path libs = Path.of(System.getProperty("warcast.it.probe.libs"));
        File[] jars;
        try (Stream<Path> files = Files.list(libs)) {
            jars = files.map(Path::toFile).toArray(File[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(jars)
                .extracting(File::getName)
                .as("the SLF4J jars the probe carries")
                .anyMatch(name -> name.startsWith("slf4j-api-2."))
                .anyMatch(name -> name.startsWith("slf4j-simple-2."));
        ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
                .addClasses(Slf4jProbeListener.class, Slf4jProviderServlet.class)
                .addAsLibraries(jars)
                .as(ZipExporter.class)
                .exportTo(file.toFile(), true);
        return file;
    }

    /** The lines of the broadcaster, whose logging goes through SLF4J inside Warcast's own jar. */
    private static List<String> warcastBroadcasterLines(Path log) throws IOException {
        return lines(log).stream()
                .filter(line -> line.contains(" io.warcast.broadcast."))
                .toList();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
