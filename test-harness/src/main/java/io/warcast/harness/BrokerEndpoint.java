package io.warcast.harness;

/**
 * An AMQP 0-9-1 broker on loopback for tests and the demo, user guest/guest, virtual host {@code /}.
 *
 * @param host the host to connect to
 * @param port the AMQP port
 * @param kind what it is, for log lines and skip messages: RabbitMQ or the embedded Qpid Broker-J
 */
public record BrokerEndpoint(String host, int port, Kind kind) {

    /** Which broker answers. Some checks (queue expiry, channel-level errors) only RabbitMQ can answer. */
    public enum Kind {
        RABBITMQ,
        EMBEDDED_QPID;

        @Override
        public String toString() {
            return switch (this) {
                case RABBITMQ -> "RabbitMQ";
                case EMBEDDED_QPID -> "embedded Apache Qpid Broker-J";
            };
        }
    }

    public boolean isRabbitMq() {
        return kind == Kind.RABBITMQ;
    }

    /** The line a test or the demo prints to say which broker it uses. */
    public String describe() {
        return kind + " at " + host + ":" + port;
    }
}
