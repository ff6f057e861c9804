package io.warcast.broadcast;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warcast.harness.BrokerAdmin;
import io.warcast.harness.TestBrokers;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** The real RabbitMQ at 127.0.0.1:5672 for integration tests: checked, cleaned up after, stopped and started. */
final class RabbitBroker {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5672;
    static final BrokerAdmin ADMIN = new BrokerAdmin(HOST, PORT);

    private RabbitBroker() {}

    /**
     * Fails under {@code CI=true} when RabbitMQ is not reachable, and otherwise skips the calling test class, saying
     * so.
     */
    static void requireRunning() {
        try (Connection probe = factory().newConnection("warcast-it probe")) {
            System.out.println(
                    "[broker] RabbitMQ " + probe.getServerProperties().get("version") + " at " + HOST + ":" + PORT
                            + " is reachable: the RabbitMQ checks run");
        } catch (IOException | TimeoutException e) {
            String message = "RabbitMQ is not reachable at " + HOST + ":" + PORT + " (guest/guest): " + e;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + ". Under CI=true it is required: start it with `rabbitmq-server -detached`"
                        + " then `rabbitmqctl await_startup` (.ci/run does this).");
            }
            String skipped =
                    "SKIPPED, RabbitMQ-only checks (CI runs them on RabbitMQ, where CI=true requires it): " + message;
            System.out.println("[broker] " + skipped);
            Assumptions.abort(skipped);
        }
    }

    /**
     * {@link #requireRunning()} for a test that creates broker users with {@code rabbitmqctl}: outside CI, {@code
     * -Dwarcast.test.broker=embedded} skips the calling test class, saying that it needs RabbitMQ's user admin.
     */
    static void requireUserAdmin() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci && "embedded".equals(System.getProperty(TestBrokers.BROKER_PROPERTY))) {
            String skipped = "SKIPPED, needs RabbitMQ's user admin (rabbitmqctl add_user, set_permissions,"
                    + " delete_user): -D" + TestBrokers.BROKER_PROPERTY + "=embedded asks for the embedded Qpid"
                    + " broker, which has one user (guest) and no rabbitmqctl. CI runs this on RabbitMQ.";
            System.out.println("[broker] " + skipped);
            Assumptions.abort(skipped);
        }
        requireRunning();
    }

    /** Deletes what a test made on the broker. */
    static void delete(List<String> queues, List<String> exchanges) {
        ADMIN.delete(queues, exchanges);
    }

    static void stopApp() {
        rabbitmqctl("stop_app");
    }

    /** Starts the broker's application again and waits until it accepts connections. */
    static void startApp() {
        rabbitmqctl("start_app");
        rabbitmqctl("await_startup");
    }

    private static void rabbitmqctl(String command) {
        try {
            Process process = new ProcessBuilder("rabbitmqctl", command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + command + " failed or took over 120 s");
            }
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmqctl " + command + " cannot run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during rabbitmqctl " + command, e);
        }
    }

    private static ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setConnectionTimeout(5_000);
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }
}
