package io.warcast.broadcast.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.warcast.broadcast.settings.QueueType;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * What this server declares on the broker, on every (re)connect: a durable fanout exchange per exchange in use and
 * one durable queue, {@code warcast.<serverid>}, that expires after the server has been away for a while, bound to
 * each of them.
 */
final class Topology {

    private final String queue;
    private final Map<String, Object> queueArguments;

    Topology(String serverId, QueueType queueType, long queueExpiryMs) {
        this.queue = queueName(serverId);
        this.queueArguments = Map.of(
                "x-expires", (int) Math.min(queueExpiryMs, Integer.MAX_VALUE), "x-queue-type", queueType.argument());
    }

    static String queueName(String serverId) {
        return "warcast." + serverId;
    }

    String queue() {
        return queue;
    }

    /** Whether the queue is still there; asked on a channel of its own, which a missing queue closes. */
    boolean queueExists(Connection connection) throws IOException {
        Channel channel = connection.createChannel();
        try {
            channel.queueDeclarePassive(queue);
            return true;
        } catch (IOException e) {
            if (e.getCause() instanceof ShutdownSignalException signal
                    && signal.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == AMQP.NOT_FOUND) {
                return false;
            }
            throw e;
        } finally {
            closeQuietly(channel);
        }
    }

    void declareQueue(Channel channel) throws IOException {
        channel.queueDeclare(queue, true, false, false, queueArguments);
    }

    /** Declares the exchange and binds this server's queue to it. */
    void declareExchange(Channel channel, String exchange) throws IOException {
        channel.exchangeDeclare(exchange, BuiltinExchangeType.FANOUT, true);
        channel.queueBind(queue, exchange, "");
    }

    private static void closeQuietly(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            // the channel is closed either way
        }
    }
}
