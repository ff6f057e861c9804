package io.warcast.broadcast;

import io.warcast.harness.AmqpProbe;
import io.warcast.harness.BrokerAdmin;
import io.warcast.harness.TestBrokers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real RabbitMQ at 127.0.0.1:5672 for the checks only RabbitMQ can answer: required under CI, else they skip and
 * say so. The harness's {@link BrokerAdmin} cleans up after them, its {@code RabbitControl} stops and starts it.
 */
final class RabbitBroker {

    static final String HOST = TestBrokers.RABBITMQ_HOST;
    static final int PORT = TestBrokers.RABBITMQ_PORT;
    static final BrokerAdmin ADMIN = new BrokerAdmin(HOST, PORT);

    private RabbitBroker() {}

    /**
     * Fails under {@code CI=true} when RabbitMQ is not reachable, and otherwise skips the calling test class, saying
     * so.
     */
    static void requireRunning() {
        if (AmqpProbe.answers(HOST, PORT)) {
            System.out.println("[broker] RabbitMQ at " + HOST + ":" + PORT + " answers: the RabbitMQ checks run");
            return;
        }
        if (TestBrokers.underCi()) {
            Assertions.fail(TestBrokers.rabbitMqRequiredUnderCi());
        }
        String skipped = "SKIPPED, RabbitMQ-only checks (CI runs them on RabbitMQ, where CI=true requires it):"
                + " RabbitMQ does not answer at " + HOST + ":" + PORT;
        System.out.println("[broker] " + skipped);
        Assumptions.abort(skipped);
    }

    /**
     * {@link #requireRunning()} for a test that creates broker users with {@code rabbitmqctl}: outside CI, {@code
     * -Dwarcast.test.broker=embedded} skips the calling test class, saying that it needs RabbitMQ's user admin.
     */
    static void requireUserAdmin() {
        if (!TestBrokers.underCi() && "embedded".equals(System.getProperty(TestBrokers.BROKER_PROPERTY))) {
            String skipped = "SKIPPED, needs RabbitMQ's user admin (rabbitmqctl add_user, set_permissions,"
                    + " delete_user): -D" + TestBrokers.BROKER_PROPERTY + "=embedded asks for the embedded Qpid"
                    + " broker, which has one user (guest) and no rabbitmqctl. CI runs this on RabbitMQ.";
            System.out.println("[broker] " + skipped);
            Assumptions.abort(skipped);
        }
        requireRunning();
    }
}
