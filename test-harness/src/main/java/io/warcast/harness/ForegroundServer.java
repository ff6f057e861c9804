package io.warcast.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A server program of this machine (HAProxy, nginx) run in the foreground from a configuration a test wrote,
 * listening on loopback ports; started, awaited until its ports accept connections, and stopped by a signal.
 */
public final class ForegroundServer implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final ChildProcess process;

    private ForegroundServer(ChildProcess process) {
        this.process = process;
    }

    /** HAProxy in the foreground ({@code -db}) with the given configuration file. */
    public static ForegroundServer haproxy(Path configuration, List<Integer> ports) {
        return start("haproxy", List.of("haproxy", "-db", "-f", configuration.toString()), configuration, ports);
    }

    /** nginx in the foreground with the given prefix directory and configuration file. */
    public static ForegroundServer nginx(Path prefix, Path configuration, List<Integer> ports) {
        return start(
                "nginx",
                List.of(
                        "nginx",
                        "-p",
                        prefix.toString(),
                        "-c",
                        configuration.toString(),
                        "-g",
                        "daemon off; pid " + prefix.resolve("nginx.pid") + ";"),
                configuration,
                ports);
    }

    private static ForegroundServer start(String name, List<String> command, Path configuration, List<Integer> ports) {
        ChildProcess process = ChildProcess.start(
                name,
                command,
                null,
                configuration.resolveSibling(name + ".out"),
                " (is it installed? apt-get install haproxy nginx-light)");
        process.awaitReady(
                "it accepts connections on " + ports,
                () -> ports.stream().allMatch(ForegroundServer::accepts),
                START_LIMIT);
        return new ForegroundServer(process);
    }

    /** What the server printed, for failure messages. */
    public String output() {
        return process.logText();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(15));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
