package io.warcast.broadcast;

import io.warcast.api.BroadcasterStatus;
import io.warcast.api.Origin;
import io.warcast.api.spi.ParticipantSpec;
import io.warcast.api.spi.Participation;
import io.warcast.api.spi.ServerEnvironment;
import io.warcast.api.spi.WarcastProvider;
import io.warcast.broadcast.amqp.AmqpLink;
import io.warcast.broadcast.delivery.DeliveryPool;
import io.warcast.broadcast.delivery.MailboxFactory;
import io.warcast.broadcast.delivery.ParticipantContext;
import io.warcast.broadcast.fanout.LocalFanOut;
import io.warcast.broadcast.settings.BroadcasterSettings;
import io.warcast.broadcast.settings.Setting;
import io.warcast.broadcast.settings.SettingsFile;
import io.warcast.broadcast.wire.WireCodec;
import io.warcast.broadcast.wire.WireLimits;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Warcast provider that broadcasts over AMQP. The web applications in one Tomcat, such as parallel versions of
 * one application, hear each other in the JVM; with a broker set ({@code amqpbroadcast.hostname} or
 * {@code amqpbroadcast.uri}) every other server hears them too, through the {@link AmqpLink}. Starting never waits
 * for the broker.
 */
public final class AmqpBroadcasterProvider implements WarcastProvider {

    private static final Logger log = LoggerFactory.getLogger(AmqpBroadcasterProvider.class);

    private enum State {
        NEW,
        STARTED,
        STOPPED
    }

    private final UnaryOperator<String> environment;
    private final BroadcasterMetrics metrics = new BroadcasterMetrics();

    private final Object lock = new Object();
    private State state = State.NEW;
    private BroadcasterSettings settings;
    private DeliveryPool pool;
    private LocalFanOut fanOut;
    private AmqpLink link;
    private BroadcasterJmx jmx;

    public AmqpBroadcasterProvider() {
        this(System::getenv);
    }

    /** @param environment looks up environment variables for {@code ${env:NAME}} in settings */
    AmqpBroadcasterProvider(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "amqp-broadcaster";
    }

    @Override
    public void checkSettings(ServerEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        readSettings(environment);
    }

    @Override
    public void start(ServerEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("The Warcast provider is " + state + "; it starts only once");
            }
            ReadSettings read = readSettings(environment);
            BroadcasterSettings parsed = read.settings();
            log.info("Warcast settings ({}): {}", read.file().source(), parsed.describe());
            pool = new DeliveryPool(parsed.deliveryThreads());
            fanOut = new LocalFanOut(new MailboxFactory(pool, parsed.listenerQueue(), metrics), metrics);
            if (parsed.usesBroker()) {
                WireLimits limits = new WireLimits(
                        parsed.maxMessageSize(), WireLimits.DEFAULT.maxKeys(), WireLimits.DEFAULT.maxColumns());
                link = new AmqpLink(parsed, fanOut, new WireCodec(limits), metrics);
                fanOut.attach(link);
                link.start();
                log.info(
                        "Warcast broadcasts to other servers through the AMQP broker at {} as server [{}];"
                                + " connecting in the background",
                        parsed.brokers(),
                        parsed.serverId());
            } else {
                log.info(
                        "Warcast runs local-only: neither {} nor {} is set ({}); web applications in this JVM hear"
                                + " each other, other servers hear nothing.",
                        Setting.HOSTNAME,
                        Setting.URI,
                        read.file().source());
            }
            jmx = BroadcasterJmx.register(metrics, parsed.serverId());
            settings = parsed;
            state = State.STARTED;
        }
    }

    @Override
    public Participation join(ParticipantSpec participant) {
        Objects.requireNonNull(participant, "participant");
        String exchange;
        Origin origin;
        Participation participation;
        synchronized (lock) {
            if (state != State.STARTED) {
                throw new IllegalStateException("Application [" + participant.contextPath()
                        + "] cannot join Warcast: the provider is " + state + ", not started");
            }
            exchange = settings.exchangeFor(participant.settings(), environment);
            origin = new Origin(
                    settings.serverId(),
                    participant.contextPath(),
                    participant.webappVersion(),
                    UUID.randomUUID().toString());
            log.debug("Warcast: application [{}] joins exchange [{}] as {}", origin.application(), exchange, origin);
            participation = fanOut.join(
                    origin, exchange, new ParticipantContext(origin.application(), participant.classLoader()));
        }
        if (link != null) {
            try {
                link.awaitBound(exchange, origin.application());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return participation;
    }

    @Override
    public void serverStarted() {
        synchronized (lock) {
            if (state == State.STARTED && link != null) {
                link.serverStarted();
            }
        }
    }

    /**
     * Stops within {@code amqpbroadcast.shutdowntimeout} plus {@link AmqpLink#STOP_ALLOWANCE_MS}: over the same
     * time limit, running listeners may finish while the link sends what is waiting; then busy listeners are
     * interrupted and the link closes its connection, aborting it past the limit. An interrupted stop ends the
     * delivery threads and the link's at once, and keeps the interrupt.
     */
    @Override
    public void stop() {
        DeliveryPool stopping;
        synchronized (lock) {
            boolean started = state == State.STARTED;
            state = State.STOPPED;
            if (!started) {
                return;
            }
            fanOut.closeAll();
            stopping = pool;
        }
        long timeoutMs = settings.shutdownTimeoutMs();
        try {
            if (link != null) {
                link.beginStop(timeoutMs);
            }
            List<String> busy = stopping.shutdown(timeoutMs);
            if (!busy.isEmpty()) {
                log.warn(
                        "Warcast stopped without waiting for {} listener(s) still busy after {} ms ({}): {};"
                                + " their threads were interrupted",
                        busy.size(),
                        timeoutMs,
                        Setting.SHUTDOWN_TIMEOUT,
                        String.join(", ", busy));
            }
            if (link != null) {
                link.awaitStop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.shutdownNow();
            int left = link != null ? link.stopNow() : 0;
            log.warn(
                    "Warcast was interrupted while stopping ({}={} ms): it interrupted its listeners and did not wait"
                            + " for them{}",
                    Setting.SHUTDOWN_TIMEOUT,
                    timeoutMs,
                    left > 0 ? ", nor for the AMQP broker to confirm " + left + " messages" : "");
        }
        if (jmx != null) {
            jmx.unregister();
        }
        log.info("Warcast stopped: {}", metrics);
    }

    /** {@code amqpbroadcast.serverid}, else the container's id (Tomcat's jvmRoute), else the host name. */
    @Override
    public Optional<String> serverId() {
        synchronized (lock) {
            return Optional.ofNullable(settings).map(BroadcasterSettings::serverId);
        }
    }

    @Override
    public BroadcasterStatus status() {
        return metrics.status();
    }

    /** The counters of this provider. */
    public BroadcasterMetrics metrics() {
        return metrics;
    }

    private ReadSettings readSettings(ServerEnvironment environment) {
        SettingsFile file = SettingsFile.locate(environment, System.getProperty(SettingsFile.CONFIG_PROPERTY));
        return new ReadSettings(
                file, BroadcasterSettings.parse(file.entries(), defaultServerId(environment), this.environment));
    }

    private record ReadSettings(SettingsFile file, BroadcasterSettings settings) {}

    private static String defaultServerId(ServerEnvironment environment) {
        return environment
                .serverId()
                .filter(serverId -> !serverId.isBlank())
                .orElseGet(AmqpBroadcasterProvider::localHostName);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
