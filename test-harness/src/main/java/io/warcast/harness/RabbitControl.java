package io.warcast.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the RabbitMQ application on this machine with {@code rabbitmqctl}, for fault tests. A test
 * that stops it restores it in a {@code finally} with {@link #ensureRunning()}.
 */
public final class RabbitControl {

    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(120);

    private RabbitControl() {}

    public static void stopApp() {
        run("rabbitmqctl", "-q", "stop_app");
    }

    public static void startApp() {
        run("rabbitmqctl", "-q", "start_app");
        run("rabbitmqctl", "-q", "await_startup", "--timeout", "120");
    }

    /** Starts the application if a test left it stopped; harmless when it runs. */
    public static void ensureRunning() {
        startApp();
    }

    private static void run(String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " did not finish within " + COMMAND_LIMIT);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", line) + " exited with " + process.exitValue() + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", line), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", line), e);
        }
    }
}
