package io.warcast.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

    private final ChildProcess process;
    private final BrokerEndpoint endpoint;

    private EmbeddedBroker(ChildProcess process, int port) {
        this.process = process;
        this.endpoint = new BrokerEndpoint("127.0.0.1", port, BrokerEndpoint.Kind.EMBEDDED_QPID);
    }

    /** Starts the broker on a free loopback port and waits until it accepts connections. */
    public static EmbeddedBroker start(Path brokerJar, Path workDirectory, Duration timeout) {
        if (!Files.isRegularFile(brokerJar)) {
            throw new IllegalArgumentException("No embedded broker jar at " + brokerJar + " (build the embedded-broker"
                    + " module; tests get its path from -D" + JAR_PROPERTY + ")");
        }
        int port = FreePorts.pick();
        ChildProcess process = ChildProcess.start(
                "the embedded broker",
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        brokerJar.toString(),
                        Integer.toString(port),
                        workDirectory.resolve("qpid").toString()),
                null,
                workDirectory.resolve("embedded-broker.log"),
                "");
        process.awaitReady(
                "it printed " + READY.strip(),
                () -> process.logText().lines().anyMatch(line -> line.startsWith(READY)),
                timeout);
        return new EmbeddedBroker(process, port);
    }

    public BrokerEndpoint endpoint() {
        return endpoint;
    }

    /** The broker's log, for failure messages. */
    public List<String> logLines() {
        return process.logText().lines().toList();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
