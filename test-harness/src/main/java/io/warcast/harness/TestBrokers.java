package io.warcast.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The broker tests and the demo use: RabbitMQ at 127.0.0.1:5672 when it answers, else the embedded Qpid Broker-J
 * in a JVM of its own. Under CI ({@code CI=true}) RabbitMQ is required, and its absence fails loudly.
 */
public final class TestBrokers {

    public static final String RABBITMQ_HOST = "127.0.0.1";
    public static final int RABBITMQ_PORT = 5672;
    /** {@code -Dwarcast.test.broker=embedded} runs on the embedded broker even where RabbitMQ answers (not under CI). */
    public static final String BROKER_PROPERTY = "warcast.test.broker";

    private TestBrokers() {}

    /**
     * RabbitMQ when reachable; otherwise, outside CI, a started embedded broker (close it when done).
     *
     * @param embeddedWorkDirectory where the embedded broker keeps its log if it is needed
     * @throws IllegalStateException under CI when RabbitMQ does not answer, saying how to start it
     */
    public static Selection select(Path embeddedWorkDirectory) {
        boolean ci = underCi();
        boolean embeddedAsked = "embedded".equals(System.getProperty(BROKER_PROPERTY)) && !ci;
        if (!embeddedAsked && AmqpProbe.answers(RABBITMQ_HOST, RABBITMQ_PORT)) {
            return new Selection(
                    new BrokerEndpoint(RABBITMQ_HOST, RABBITMQ_PORT, BrokerEndpoint.Kind.RABBITMQ), Optional.empty());
        }
        if (ci) {
            throw new IllegalStateException(rabbitMqRequiredUnderCi());
        }
        String jar = System.getProperty(EmbeddedBroker.JAR_PROPERTY);
        if (jar == null) {
            throw new IllegalStateException("No RabbitMQ at " + RABBITMQ_HOST + ":" + RABBITMQ_PORT + " and no embedded"
                    + " broker jar (-D" + EmbeddedBroker.JAR_PROPERTY + "): run the tests through Maven");
        }
        EmbeddedBroker broker = EmbeddedBroker.start(Path.of(jar), embeddedWorkDirectory, Duration.ofSeconds(90));
        return new Selection(broker.endpoint(), Optional.of(broker));
    }

    /** True under CI ({@code CI=true}), where the broker tests run on RabbitMQ only. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Why a broker test fails under CI when RabbitMQ does not answer, and how to start it. */
    public static String rabbitMqRequiredUnderCi() {
        return "CI=true and no RabbitMQ answers at " + RABBITMQ_HOST + ":" + RABBITMQ_PORT
                + ". CI runs the broker tests on RabbitMQ: start it with 'rabbitmq-server -detached' and"
                + " 'rabbitmqctl await_startup' (.ci/run does this), or install it with"
                + " 'apt-get install rabbitmq-server'.";
    }

    /** The broker chosen, and the embedded broker to close if one was started. */
    public record Selection(BrokerEndpoint endpoint, Optional<EmbeddedBroker> embedded) implements AutoCloseable {

        @Override
        public void close() {
            embedded.ifPresent(EmbeddedBroker::close);
        }
    }
}
