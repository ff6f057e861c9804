package io.warcast.harness;

import java.time.Duration;
import java.util.List;

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

    /** Deletes a queue, as the broker does when its {@code x-expires} runs out. */
    public static void deleteQueue(String queue) {
        run("rabbitmqctl", "-q", "delete_queue", queue);
    }

    /** Starts the application if a test left it stopped; harmless when it runs. */
    public static void ensureRunning() {
        startApp();
    }

    private static void run(String... command) {
        Commands.run(null, COMMAND_LIMIT, List.of(command));
    }
}
