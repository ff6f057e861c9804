package io.warcast.broadcast.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.settings.Setting;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes messages from this server's queue, on the link's thread.
 *
 * <ul>
 *   <li>Not before the applications deployed at start-up have joined ({@link #serverStarted}), or
 *       {@code amqpbroadcast.startuptimeout} after the provider started: what waited in the queue while the server was
 *       away is for them, and a message taken before they joined would be acknowledged for nobody.
 *   <li>Exclusively: two servers with one server id would share the queue, each taking half of the messages and
 *       dropping the other half as its own. The second one is refused and keeps retrying, since the connection of a
 *       server that just died can hold the queue until the broker notices.
 * </ul>
 */
final class QueueIntake {

    static final int PREFETCH = 256;

    private static final Logger log = LoggerFactory.getLogger(QueueIntake.class);

    private final Topology topology;
    private final InboundHandler handler;
    private final String consumerTag;
    private final String serverId;
    private final long startupTimeoutMs;
    private final BroadcasterMetrics metrics;

    private volatile boolean serverStarted;
    private long startedNanos;
    private boolean waitReported;
    private boolean startupTimeoutReported;
    private Channel channel;
    private InboundConsumer consumer;
    private int refusals;
    private long nextAttemptNanos;

    QueueIntake(
            Topology topology,
            InboundHandler handler,
            String consumerTag,
            String serverId,
            long startupTimeoutMs,
            BroadcasterMetrics metrics) {
        this.topology = topology;
        this.handler = handler;
        this.consumerTag = consumerTag;
        this.serverId = serverId;
        this.startupTimeoutMs = startupTimeoutMs;
        this.metrics = metrics;
    }

    /** The provider started: the time-out for the applications deployed at start-up runs from now. */
    void providerStarted() {
        startedNanos = System.nanoTime();
    }

    /** The applications deployed at start-up have joined: the queue may be taken. Any thread. */
    void serverStarted() {
        serverStarted = true;
    }

    /** A new connection: nothing is consumed on it yet. */
    void sessionStarted() {
        channel = null;
        consumer = null;
        nextAttemptNanos = System.nanoTime();
    }

    /**
     * Starts consuming when the time has come, and checks that consuming goes on.
     *
     * @throws IOException when the consumer's channel closed or the broker cancelled it (the queue was deleted)
     */
    void tick(Connection connection) throws IOException {
        if (consumer != null) {
            if (!channel.isOpen() || consumer.cancelled()) {
                throw new IOException(
                        channel.isOpen()
                                ? "the broker cancelled the consumer of queue " + topology.queue()
                                : AmqpLink.describe(channel.getCloseReason(), 0));
            }
            return;
        }
        if (mayConsume() && System.nanoTime() - nextAttemptNanos >= 0) {
            consume(connection);
        }
    }

    private boolean mayConsume() {
        if (serverStarted) {
            return true;
        }
        if (System.nanoTime() - startedNanos < TimeUnit.MILLISECONDS.toNanos(startupTimeoutMs)) {
            if (!waitReported) {
                waitReported = true;
                log.info(
                        "Warcast waits for the applications deployed at start-up before it takes messages from queue"
                                + " [{}] (at most {}={} ms)",
                        topology.queue(),
                        Setting.STARTUP_TIMEOUT,
                        startupTimeoutMs);
            }
            return false;
        }
        if (!startupTimeoutReported) {
            startupTimeoutReported = true;
            log.warn(
                    "Warcast waited {}={} ms for the applications deployed at start-up; taking messages from queue"
                            + " [{}] now, before the server finished starting: applications that join later miss"
                            + " what arrives before they do",
                    Setting.STARTUP_TIMEOUT,
                    startupTimeoutMs,
                    topology.queue());
        }
        return true;
    }

    private void consume(Connection connection) throws IOException {
        Channel opened = connection.createChannel();
        InboundConsumer starting = new InboundConsumer(opened, handler);
        try {
            opened.basicQos(PREFETCH);
            long waiting = opened.queueDeclarePassive(topology.queue()).getMessageCount();
            opened.basicConsume(topology.queue(), false, consumerTag, false, true, null, starting);
            channel = opened;
            consumer = starting;
            log.info(
                    "Warcast takes messages from queue [{}]{}: {} waited for this server",
                    topology.queue(),
                    refusals > 0 ? " now that no other connection holds it" : "",
                    waiting);
            refusals = 0;
        } catch (IOException e) {
            if (!isExclusiveRefusal(e)) {
                throw e;
            }
            refused(e);
        }
    }

    /** The broker refused the queue by closing the whole connection, as Qpid Broker-J does; see {@link #tick}. */
    void refusedByConnectionClose(Exception e) {
        refused(e);
    }

    private void refused(Exception e) {
        refusals++;
        nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Backoff.delayMs(refusals));
        String reason = AmqpLink.describe(e, 0);
        metrics.failed(reason, Instant.now());
        if (refusals == 1) {
            log.warn(
                    "Warcast cannot take messages from queue [{}]: another connection consumes it ({}). Either another"
                            + " server runs with {}={} (every server needs an id of its own), or the broker has not yet"
                            + " noticed that this server's previous connection is gone; retrying",
                    topology.queue(),
                    reason,
                    Setting.SERVER_ID,
                    serverId);
        }
    }

    /**
     * RabbitMQ refuses a second exclusive consumer with ACCESS_REFUSED "... in exclusive use", closing the channel;
     * Qpid Broker-J closes the connection instead.
     */
    static boolean isExclusiveRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal) {
                Object reason = signal.getReason();
                if (reason instanceof AMQP.Channel.Close close) {
                    return close.getReplyCode() == AMQP.ACCESS_REFUSED
                            && String.valueOf(close.getReplyText()).contains("exclusive");
                }
                if (reason instanceof AMQP.Connection.Close close) {
                    return close.getReplyCode() == AMQP.ACCESS_REFUSED
                            && String.valueOf(close.getReplyText()).contains("exclusive");
                }
            }
        }
        return false;
    }
}
