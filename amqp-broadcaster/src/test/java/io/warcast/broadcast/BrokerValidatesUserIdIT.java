package io.warcast.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What makes the publisher of a message worth believing: the broker refuses a publish whose AMQP {@code user_id} is
 * not the user of the publishing connection. Runs on whichever broker the tests use: RabbitMQ validates it always,
 * the embedded Qpid Broker-J because its configuration sets {@code qpid.broker_msg_auth}.
 */
class BrokerValidatesUserIdIT {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    private final String exchange =
            "warcast-it-userid-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPublishClaimingAnotherUserIsRefusedAndItsOwnUserPasses() throws Exception {
        try (Connection guest = broker.admin().connect("user_id check")) {
            Channel setup = guest.createChannel();
            setup.exchangeDeclare(exchange, BuiltinExchangeType.FANOUT, false, false, null);
            String queue = setup.queueDeclare().getQueue();
            setup.queueBind(queue, exchange, "");
            try {
                publishAs(guest, "guest").waitForConfirmsOrDie(10_000);

                // RabbitMQ closes the channel, Qpid the whole connection: a connection of its own for the claim.
                try (Connection claimer = broker.admin().connect("user_id claim")) {
                    Channel claiming = publishAs(claimer, "warcast-a");
                    assertThatThrownBy(() -> claiming.waitForConfirmsOrDie(10_000))
                            .as("the broker lets guest publish as user [warcast-a]")
                            .isInstanceOfAny(IOException.class, ShutdownSignalException.class);
                    System.out.println("[user_id] " + broker.endpoint().describe() + " refused user_id [warcast-a]"
                            + " from guest: " + claiming.getCloseReason());
                } catch (AlreadyClosedException closedByTheBroker) {
                    // Qpid has closed the connection already; nothing left to close.
                }
                assertThat(setup.messageCount(queue))
                        .as("only the message with guest's own user_id reached the queue")
                        .isEqualTo(1);
            } finally {
                setup.exchangeDelete(exchange);
                setup.queueDelete(queue);
            }
        }
    }

    private Channel publishAs(Connection connection, String userId) throws IOException {
        Channel channel = connection.createChannel();
        channel.confirmSelect();
        AMQP.BasicProperties properties =
                new AMQP.BasicProperties.Builder().userId(userId).build();
        channel.basicPublish(
                exchange, "", properties, List.of(userId).toString().getBytes(StandardCharsets.UTF_8));
        return channel;
    }
}
