package io.warcast.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A server program of this machine (HAProxy, nginx) run in the foreground from a configuration a test wrote,
 * listening on loopback ports; started, awaited until its ports accept connections, and stopped by a signal.
 */
public final class ForegroundServer implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ForegroundServer(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** HAProxy in the foreground ({@code -db}) with the given configuration file. */
    public static ForegroundServer haproxy(Path configuration, List<Integer> ports) {
        return start("haproxy", List.of("haproxy", "-db", "-f", configuration.toString()), configuration, ports);
    }

    /** nginx in the foreground with the given prefix directory and configuration file. */
    public static ForegroundServer nginx(Path prefix, Path configuration, List<Integer> ports) {
        return start(
                "nginx",
                List.of("nginx", "-p", prefix.toString(), "-c", configuration.toString(), "-g", "daemon off;"),
                configuration,
                ports);
    }

    private static ForegroundServer start(String name, List<String> command, Path configuration, List<Integer> ports) {
        Path log = configuration.resolveSibling(name + ".out");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot start " + String.join(" ", command)
                            + " (is it installed? apt-get install haproxy nginx-light)",
                    e);
        }
        ForegroundServer server = new ForegroundServer(name, process, log);
        server.awaitPorts(ports, Duration.ofSeconds(30));
        return server;
    }

    private void awaitPorts(List<Integer> ports, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (int port : ports) {
            while (!accepts(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    close();
                    throw new IllegalStateException(name + " did not open port " + port + ": " + output());
                }
                pause();
            }
        }
    }

    /** What the server printed, for failure messages. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(15));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a server to listen", e);
        }
    }
}
