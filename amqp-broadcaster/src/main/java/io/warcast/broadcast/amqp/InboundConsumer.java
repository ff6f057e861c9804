package io.warcast.broadcast.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Consumes this server's queue with manual acks: each message is handled (only queued), then acknowledged. */
final class InboundConsumer extends DefaultConsumer {

    private static final Logger log = LoggerFactory.getLogger(InboundConsumer.class);

    private final InboundHandler handler;
    private volatile boolean cancelled;

    InboundConsumer(Channel channel, InboundHandler handler) {
        super(channel);
        this.handler = handler;
    }

    @Override
    public void handleDelivery(String consumerTag, Envelope delivery, AMQP.BasicProperties properties, byte[] body)
            throws IOException {
        try {
            handler.handle(delivery.getExchange(), body, Optional.ofNullable(properties.getUserId()));
        } catch (RuntimeException e) {
            // A bug here must not stop the consumer: skip the message, as an unreadable one would be.
            log.warn(
                    "Warcast could not handle a message on exchange [{}]; skipped it: {}",
                    delivery.getExchange(),
                    e.toString());
        }
        try {
            getChannel().basicAck(delivery.getDeliveryTag(), false);
        } catch (IOException | ShutdownSignalException e) {
            // The connection is going: the broker delivers the message again after the reconnect, and the filter
            // drops it as a duplicate.
            log.debug("Warcast could not acknowledge a message; it comes again after the reconnect: {}", e.toString());
        }
    }

    /** The broker cancelled this consumer, as it does when the queue is deleted. */
    @Override
    public void handleCancel(String consumerTag) {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }
}
