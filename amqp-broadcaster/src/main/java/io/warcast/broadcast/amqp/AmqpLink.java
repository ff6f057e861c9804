package io.warcast.broadcast.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ChannelContinuationTimeoutException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.warcast.api.BroadcasterCounter;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.fanout.LocalFanOut;
import io.warcast.broadcast.fanout.RemoteLink;
import io.warcast.broadcast.settings.BroadcasterSettings;
import io.warcast.broadcast.settings.Setting;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.WireCodec;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's link to the other servers through the broker. One thread of the server, {@code warcast-amqp-link-1},
 * connects (with back-off), declares the topology, starts the consumer and then publishes the outbox with confirms
 * until the connection is lost, and over again until the provider stops. Request threads only queue into the outbox;
 * starting never waits for the broker.
 */
public final class AmqpLink implements RemoteLink {

    /** How long a joining application waits for its exchange to be bound while the broker is connected. */
    public static final long BIND_WAIT_MS = 10_000;
    /** What stopping may take past {@code amqpbroadcast.shutdowntimeout}: aborting the connection, ending threads. */
    public static final long STOP_ALLOWANCE_MS = 1_000;

    private static final long POLL_MS = 100;
    // How long an abort waits for the broker's close-ok before it closes the socket anyway.
    private static final int ABORT_MS = 250;

    private static final Logger log = LoggerFactory.getLogger(AmqpLink.class);

    private final BroadcasterSettings settings;
    private final LocalFanOut fanOut;
    private final BroadcasterMetrics metrics;
    private final Outbox outbox;
    private final Topology topology;
    private final Publisher publisher;
    private final ExecutorService consumerThreads;
    private final AmqpConnector connector;
    private final Bindings bindings = new Bindings();
    private final QueueIntake intake;
    private final FailureLog failures = new FailureLog();
    private final Thread thread;

    private final Object wakeUp = new Object();
    private volatile boolean stopping;
    private volatile long stopDeadline;
    private volatile Connection connection;
    private boolean connectedBefore;
    private boolean queueDeclaredBefore;
    private boolean sessionUp;

    public AmqpLink(BroadcasterSettings settings, LocalFanOut fanOut, WireCodec wire, BroadcasterMetrics metrics) {
        this.settings = settings;
        this.fanOut = fanOut;
        this.metrics = metrics;
        this.outbox = new Outbox(settings.outboxSize(), settings.serverId(), metrics);
        this.topology = new Topology(settings.serverId(), settings.queueType(), settings.queueExpiryMs());
        long confirmTimeoutMs = Math.max(10_000, settings.heartbeatSeconds() * 3_000L);
        this.publisher = new Publisher(
                wire, topology, bindings, settings.username(), settings.maxMessageSize(), confirmTimeoutMs, metrics);
        this.consumerThreads = consumerThreads();
        this.connector = new AmqpConnector(settings, consumerThreads);
        this.intake = new QueueIntake(
                topology,
                new InboundHandler(
                        settings.serverId(),
                        wire,
                        fanOut,
                        metrics,
                        Set.copyOf(settings.trustedPublishers()),
                        Clock.systemUTC()),
                connector.connectionName(),
                settings.serverId(),
                settings.startupTimeoutMs(),
                metrics);
        this.thread = new ServerThreads("link").newThread(this::run);
        metrics.measureBuffered(outbox::size);
        metrics.measureBoundExchanges(bindings::bound);
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        metrics.connecting();
        intake.providerStarted();
        thread.start();
    }

    /** The applications deployed at start-up have joined: this server's queue may be consumed. */
    public void serverStarted() {
        intake.serverStarted();
    }

    @Override
    public void send(String exchange, Envelope envelope) {
        outbox.offer(exchange, envelope);
    }

    @Override
    public void exchangeInUse(String exchange) {
        bindings.want(exchange);
    }

    /**
     * While the broker is connected, waits up to {@link #BIND_WAIT_MS} until this server's queue is bound to
     * {@code exchange}; returns at once while it is not (the link binds it before it reports itself connected).
     */
    public void awaitBound(String exchange, String application) throws InterruptedException {
        if (bindings.awaitBound(exchange, BIND_WAIT_MS) == Bindings.Wait.TIMED_OUT) {
            log.warn(
                    "Warcast could not bind exchange [{}] for application [{}] within {} ms; until it is bound, what"
                            + " other servers send on it does not reach this server",
                    exchange,
                    application,
                    BIND_WAIT_MS);
        }
    }

    /**
     * Starts stopping and returns at once: the link goes on sending what is waiting, while connected, until
     * {@code timeoutMs} from now, then closes the connection. {@link #awaitStop} waits for that.
     */
    public void beginStop(long timeoutMs) {
        stopDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        stopping = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /**
     * Waits for the link's thread until the deadline of {@link #beginStop}, then aborts the connection and ends the
     * link's threads, all within {@link #STOP_ALLOWANCE_MS} past that deadline.
     */
    public void awaitStop() throws InterruptedException {
        long end = stopDeadline + TimeUnit.MILLISECONDS.toNanos(STOP_ALLOWANCE_MS);
        thread.join(remainingMs(stopDeadline));
        Connection open = connection;
        if (thread.isAlive() && open != null) {
            // Wakes the link's thread from a wait for confirms. On a thread of its own: on a silent network path
            // the abort itself may block, behind a write that waits for room in the socket's buffer.
            Thread aborting = new ServerThreads("abort").newThread(() -> open.abort(ABORT_MS));
            aborting.start();
            aborting.join(remainingMs(end));
        }
        thread.join(remainingMs(end));
        consumerThreads.shutdown();
        if (!consumerThreads.awaitTermination(remainingMs(end), TimeUnit.MILLISECONDS)) {
            consumerThreads.shutdownNow();
        }
        int left = outbox.size() + publisher.unconfirmed();
        if (left > 0 || thread.isAlive()) {
            log.warn(
                    "Warcast stopped with {} messages not confirmed by the AMQP broker at {}{}",
                    left,
                    connector.target(),
                    thread.isAlive() ? "; its connection thread did not end in time" : "");
        }
    }

    /**
     * For a stop that was interrupted: makes the link's threads end, without waiting for them.
     *
     * @return how many messages the broker had not confirmed
     */
    public int stopNow() {
        stopDeadline = System.nanoTime();
        stopping = true;
        thread.interrupt();
        consumerThreads.shutdownNow();
        return outbox.size() + publisher.unconfirmed();
    }

    /**
     * One thread for the consumers. After an abort the client hands over the consumers' shutdown notice late, maybe
     * once these threads are stopped: then it runs on the client's own thread rather than fail there.
     */
    private static ExecutorService consumerThreads() {
        return new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                new ServerThreads("consumer"),
                (task, executor) -> task.run());
    }

    // At least 1 ms: join(0) would wait forever.
    private static long remainingMs(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private void run() {
        int attempt = 0;
        while (!stopping) {
            metrics.connecting();
            Connection opened;
            try {
                opened = connector.open();
            } catch (IOException | TimeoutException | RuntimeException e) {
                attempt++;
                ConnectFailure failure = ConnectFailure.classify(e, connector.target(), settings);
                metrics.disconnected();
                metrics.failed(failure.message(), Instant.now());
                // Logged here, not through Optional.ifPresent(log::warn): JUL names the caller of the logger as the
                // line's source, and that would be Optional.
                Optional<String> line = failures.failed(failure, Instant.now());
                if (line.isPresent()) {
                    log.warn("{}", line.get());
                }
                pause(Backoff.delayMs(attempt));
                continue;
            }
            connection = opened;
            sessionUp = false;
            boolean queueRefused = false;
            try {
                session(opened);
            } catch (IOException | TimeoutException | RuntimeException e) {
                queueRefused = QueueIntake.isExclusiveRefusal(e);
                if (queueRefused) {
                    intake.refusedByConnectionClose(e);
                } else if (!stopping) { // when stopping, the connection was aborted and the stop says what is left
                    String reason = describe(e, settings.rpcTimeoutMs());
                    metrics.failed(reason, Instant.now());
                    log.info(
                            "Warcast lost the connection to the AMQP broker at {}: {}; reconnecting",
                            connector.target(),
                            reason);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            } finally {
                bindings.sessionEnded();
                metrics.disconnected();
                closeQuietly(opened);
                connection = null;
            }
            // A session that failed before it was up is a failed attempt too: no tight loop on a broker that
            // accepts connections but refuses the topology or the queue. After a lost session, the first retry is in
            // a second.
            attempt = sessionUp && !queueRefused ? 1 : attempt + 1;
            if (!stopping) {
                pause(Backoff.delayMs(attempt));
            }
        }
    }

    /** Runs until the connection is lost (it throws then) or the provider stops. */
    private void session(Connection opened) throws IOException, TimeoutException, InterruptedException {
        opened.addShutdownListener(cause -> {
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
        });
        if (queueDeclaredBefore && !topology.queueExists(opened)) {
            log.warn(
                    "Warcast's queue {} on the AMQP broker was gone (away longer than amqpbroadcast.queueexpiry={} ms,"
                            + " or deleted): what other servers sent meanwhile is lost; asking the listeners to flush"
                            + " their caches",
                    topology.queue(),
                    settings.queueExpiryMs());
            metrics.count(BroadcasterCounter.GAPS);
            fanOut.resyncAll();
        }
        Channel publishChannel = opened.createChannel();
        publisher.use(publishChannel);
        topology.declareQueue(publishChannel);
        queueDeclaredBefore = true;
        bindings.sessionStarted();
        bindUnbound();
        intake.sessionStarted();
        connected(opened);
        publisher.resendUnconfirmed();
        List<Outgoing> batch = new ArrayList<>(Publisher.BATCH);
        while (true) {
            if (stopping && (outbox.isEmpty() || System.nanoTime() > stopDeadline)) {
                return;
            }
            if (!opened.isOpen()) {
                throw new IOException(
                        describe(opened.getCloseReason(), settings.rpcTimeoutMs()), opened.getCloseReason());
            }
            bindUnbound();
            intake.tick(opened);
            outbox.queueResyncFlushes();
            Outgoing first = outbox.poll(POLL_MS);
            if (first != null) {
                batch.clear();
                batch.add(first);
                outbox.drainTo(batch, Publisher.BATCH - 1);
                publisher.publish(batch);
            }
        }
    }

    private void bindUnbound() throws IOException {
        for (String exchange : bindings.unbound()) {
            publisher.declare(exchange);
        }
    }

    private void connected(Connection opened) {
        String broker = settings.brokers().size() == 1
                ? settings.brokers().get(0).toString()
                : opened.getAddress().getHostAddress() + ":" + opened.getPort();
        if (connectedBefore) {
            metrics.count(BroadcasterCounter.RECONNECTS);
        }
        connectedBefore = true;
        sessionUp = true;
        failures.reset();
        metrics.connected(broker);
        log.info(
                "Warcast connected to {} vhost [{}] as [{}]",
                broker,
                settings.virtualHost(),
                connector.connectionName());
    }

    private void pause(long ms) {
        synchronized (wakeUp) {
            if (!stopping) {
                try {
                    wakeUp.wait(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
        }
    }

    /** One line for a lost connection: the broker's reply text where there is one. */
    static String describe(Throwable failure, long rpcTimeoutMs) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ChannelContinuationTimeoutException timeout) {
                return "no answer from the broker to " + timeout.getMethod().protocolMethodName() + " within "
                        + Setting.RPC_TIMEOUT + "=" + rpcTimeoutMs + " ms";
            }
            if (cause instanceof ShutdownSignalException signal) {
                if (signal.getReason() instanceof AMQP.Connection.Close close) {
                    return "the broker closed the connection (" + close.getReplyText() + ")";
                }
                if (signal.getReason() instanceof AMQP.Channel.Close close) {
                    return "the broker closed a channel (" + close.getReplyText() + ")";
                }
                return signal.isInitiatedByApplication()
                        ? "closed"
                        : "the connection broke (" + String.valueOf(signal.getMessage()) + ")";
            }
            if (cause.getCause() == null) {
                return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            }
        }
        return "unknown";
    }

    /** Closes when stopping, within what is left of the stop's time; aborts after a failure or past that. */
    private void closeQuietly(Connection opened) {
        if (!opened.isOpen()) {
            return;
        }
        long closeMs = stopping ? TimeUnit.NANOSECONDS.toMillis(stopDeadline - System.nanoTime()) : 0;
        if (closeMs > 0) {
            try {
                opened.close((int) Math.min(closeMs, Integer.MAX_VALUE));
                return;
            } catch (IOException | RuntimeException e) {
                // aborted below
            }
        }
        opened.abort(ABORT_MS);
    }
}
