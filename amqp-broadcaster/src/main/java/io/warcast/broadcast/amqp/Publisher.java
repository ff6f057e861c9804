package io.warcast.broadcast.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.warcast.api.BroadcasterCounter;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.WireCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes batches with publisher confirms on the link's thread. A batch stays unconfirmed until the broker has
 * confirmed all of it; after a lost connection or a nack it is sent again, in order, before anything newer.
 * Receivers drop the copies they already had by message id. Every message carries this server's broker user as its
 * AMQP {@code user_id}, which RabbitMQ checks against the connection's user: receivers know the origin is vouched for.
 */
final class Publisher {

    static final int BATCH = 256;

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private final WireCodec wire;
    private final Topology topology;
    private final String userId;
    private final int maxMessageSize;
    private final long confirmTimeoutMs;
    private final BroadcasterMetrics metrics;
    private final List<Outgoing> unconfirmed = new ArrayList<>();
    // The AMQP type of each kind, built once instead of per publish: what it saves pays for the user_id's bytes.
    private final Map<String, String> types = new HashMap<>();
    private final Bindings bindings;
    private Channel channel;

    Publisher(
            WireCodec wire,
            Topology topology,
            Bindings bindings,
            String userId,
            int maxMessageSize,
            long confirmTimeoutMs,
            BroadcasterMetrics metrics) {
        this.wire = wire;
        this.topology = topology;
        this.bindings = bindings;
        this.userId = userId;
        this.maxMessageSize = maxMessageSize;
        this.confirmTimeoutMs = confirmTimeoutMs;
        this.metrics = metrics;
    }

    /** A new connection: publish on this channel, which has confirms on; exchanges are declared anew on it. */
    void use(Channel confirmChannel) throws IOException {
        channel = confirmChannel;
        channel.confirmSelect();
    }

    /** Declares the exchange and binds this server's queue to it, once per connection. */
    void declare(String exchange) throws IOException {
        if (!bindings.isBound(exchange)) {
            topology.declareExchange(channel, exchange);
            bindings.markBound(exchange);
        }
    }

    /** Sends what was sent but not confirmed before the connection was lost, then waits for the confirms. */
    void resendUnconfirmed() throws IOException, InterruptedException, TimeoutException {
        if (!unconfirmed.isEmpty()) {
            log.info("Warcast sends again {} messages the broker had not confirmed", unconfirmed.size());
            publishAndConfirm();
        }
    }

    /** Publishes a batch and waits until the broker confirms all of it. */
    void publish(List<Outgoing> batch) throws IOException, InterruptedException, TimeoutException {
        unconfirmed.addAll(batch);
        publishAndConfirm();
    }

    int unconfirmed() {
        return unconfirmed.size();
    }

    private void publishAndConfirm() throws IOException, InterruptedException, TimeoutException {
        int sent = 0;
        List<Outgoing> unsendable = new ArrayList<>();
        for (Outgoing outgoing : unconfirmed) {
            byte[] body = encode(outgoing.envelope());
            if (body == null) {
                unsendable.add(outgoing);
                continue;
            }
            declare(outgoing.exchange());
            channel.basicPublish(outgoing.exchange(), "", properties(outgoing.envelope()), body);
            metrics.count(BroadcasterCounter.SENT);
            sent++;
        }
        unconfirmed.removeAll(unsendable);
        // Throws when the broker nacks (the channel is closed then) or the connection is lost: all is sent again.
        channel.waitForConfirmsOrDie(confirmTimeoutMs);
        metrics.add(BroadcasterCounter.CONFIRMED, sent);
        unconfirmed.clear();
    }

    private byte[] encode(Envelope envelope) {
        byte[] body;
        try {
            body = wire.encode(envelope);
        } catch (RuntimeException e) {
            metrics.count(BroadcasterCounter.DROPPED_OUTBOX);
            log.warn(
                    "Warcast cannot encode a {} from [{}]; dropped it: {}",
                    envelope.payload().kind(),
                    envelope.origin(),
                    e.toString());
            return null;
        }
        if (body.length > maxMessageSize) {
            metrics.count(BroadcasterCounter.DROPPED_OUTBOX);
            log.warn(
                    "Warcast dropped a {} from [{}] of {} bytes, larger than amqpbroadcast.maxmessagesize={}",
                    envelope.payload().kind(),
                    envelope.origin(),
                    body.length,
                    maxMessageSize);
            return null;
        }
        return body;
    }

    /**
     * The properties of a message; the user id is the settings' string itself. Per publish, the client encodes each
     * string property into a new byte array: the user id adds one of its length plus 16 bytes, the type built once
     * per kind saves more: 1,512 bytes allocated per publish before user_id, 1,536 with it, 1,480 with it and the
     * type built once (amqp-client 5.37, the JVM's per-thread allocation counter over 20,000 publishes).
     */
    private AMQP.BasicProperties properties(Envelope envelope) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("UTF-8")
                .deliveryMode(2)
                .type(types.computeIfAbsent(envelope.payload().kind(), kind -> "warcast." + kind))
                .messageId(envelope.messageId())
                .appId("warcast")
                .userId(userId)
                .timestamp(Date.from(envelope.publishedAt()))
                .build();
    }
}
