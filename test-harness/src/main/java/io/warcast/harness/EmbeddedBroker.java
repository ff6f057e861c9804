package io.warcast.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Apache Qpid Broker-J in memory, started from the {@code embedded-broker} jar in a JVM of its own (Qpid sets
 * JVM-wide system properties, so it never runs inside Tomcat or the test JVM). It stops when closed, and by itself
 * when this JVM dies: it watches its standard input, which this process holds open.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** The line the broker prints when ready, followed by its port (see EmbeddedBrokerMain). */
    static final String READY = "WARCAST-EMBEDDED-BROKER-READY ";

    /** System property with the path of the embedded broker's executable jar. */
    public static final String JAR_PROPERTY = "warcast.embeddedBroker.jar";

    private final Process process;
    private final BrokerEndpoint endpoint;
    private final Path log;

    private EmbeddedBroker(Process process, BrokerEndpoint endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Starts the broker on a free loopback port and waits until it accepts connections. */
    public static EmbeddedBroker start(Path brokerJar, Path workDirectory, Duration timeout) {
        if (!Files.isRegularFile(brokerJar)) {
            throw new IllegalArgumentException("No embedded broker jar at " + brokerJar + " (build the embedded-broker"
                    + " module; tests get its path from -D" + JAR_PROPERTY + ")");
        }
        int port = FreePorts.pick();
        Path log = workDirectory.resolve("embedded-broker.log");
        Process process;
        try {
            Files.createDirectories(workDirectory);
            process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-jar",
                            brokerJar.toString(),
                            Integer.toString(port),
                            workDirectory.resolve("qpid").toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded broker from " + brokerJar, e);
        }
        EmbeddedBroker broker = new EmbeddedBroker(
                process, new BrokerEndpoint("127.0.0.1", port, BrokerEndpoint.Kind.EMBEDDED_QPID), log);
        broker.awaitReady(timeout);
        return broker;
    }

    public BrokerEndpoint endpoint() {
        return endpoint;
    }

    private void awaitReady(Duration timeout) {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> copyOutput(ready), "embedded-broker-output");
        copier.setDaemon(true);
        copier.start();
        try {
            if (ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (TimeoutException e) {
            // reported below
        } catch (ExecutionException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        throw new IllegalStateException("The embedded broker did not start within " + timeout + "; its log: " + log);
    }

    private void copyOutput(CompletableFuture<Boolean> ready) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                if (line.startsWith(READY)) {
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            // the broker is gone; its log says why
        } finally {
            ready.complete(false);
        }
    }

    /** The broker's log, for failure messages. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
    }
}
