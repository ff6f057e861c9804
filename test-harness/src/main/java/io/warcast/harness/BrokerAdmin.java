package io.warcast.harness;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.concurrent.TimeoutException;

/** A plain amqp-client view of a test broker (guest/guest, vhost /): connections for tests and the clean-up after. */
public record BrokerAdmin(String host, int port) {

    /** A new connection, without automatic recovery; the caller closes it. */
    public Connection connect(String purpose) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setConnectionTimeout(5_000);
        factory.setAutomaticRecoveryEnabled(false);
        try {
            return factory.newConnection("warcast-it " + purpose);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot connect to the test broker at " + host + ":" + port, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No answer from the test broker at " + host + ":" + port, e);
        }
    }

    /** Deletes what a test made on the broker; says so when it cannot. */
    public void delete(Collection<String> queues, Collection<String> exchanges) {
        try (Connection connection = connect("cleanup")) {
            Channel channel = connection.createChannel();
            for (String queue : queues) {
                channel.queueDelete(queue);
            }
            for (String exchange : exchanges) {
                channel.exchangeDelete(exchange);
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("[broker] could not clean up " + queues + " " + exchanges + ": " + e);
        }
    }

    public boolean queueExists(String queue) throws IOException {
        try (Connection connection = connect("check")) {
            Channel channel = connection.createChannel();
            try {
                channel.queueDeclarePassive(queue);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** The messages ready in {@code queue} now, as the broker counts them. */
    public long messageCount(String queue) throws IOException {
        try (Connection connection = connect("count")) {
            return connection.createChannel().queueDeclarePassive(queue).getMessageCount();
        }
    }
}
