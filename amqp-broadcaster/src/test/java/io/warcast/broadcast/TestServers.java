package io.warcast.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.DataNotifyService;
import io.warcast.harness.BrokerAdmin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers of one integration test ({@code @RegisterExtension}, an instance field): providers in this JVM, each
 * with its own server id and settings directory, on an exchange of their own on one broker. After the test it stops
 * them and deletes their queues, the exchanges they declared and their settings.
 */
final class TestServers implements BeforeEachCallback, AfterEachCallback {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String exchange = "warcast-it-" + run;

    private final Supplier<BrokerAdmin> brokers;
    private BrokerAdmin broker;
    private Path dir;
    private final List<TestServer> servers = new ArrayList<>();
    private final Set<String> exchanges = new LinkedHashSet<>(List.of(exchange));
    private final Set<String> serverIds = new LinkedHashSet<>();

    /** @param broker the broker, asked for before each test */
    TestServers(Supplier<BrokerAdmin> broker) {
        this.brokers = broker;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        broker = brokers.get();
        dir = Files.createTempDirectory("warcast-it-servers-");
        System.out.println("[servers] " + context.getDisplayName() + ": exchange " + exchange + " on " + broker.host()
                + ":" + broker.port());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        servers.forEach(TestServer::close);
        broker.delete(serverIds.stream().map(id -> "warcast." + id).toList(), exchanges);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The server id of the server called {@code name} in this test: unique to the run. */
    String serverId(String name) {
        return "it-" + name + "-" + run;
    }

    /**
     * Starts a server connected to the broker directly; {@code extraLines} come last, so they may set a key again
     * ({@code amqpbroadcast.hostname} to go through a proxy, for example).
     */
    TestServer start(String name, String... extraLines) {
        TestServer server = starting(name, extraLines);
        server.serverStarted();
        return server;
    }

    /** Like {@link #start}, but the server is not yet told it has started: see {@link TestServer#starting}. */
    TestServer starting(String name, String... extraLines) {
        List<String> lines = new ArrayList<>(List.of(
                "amqpbroadcast.hostname=" + broker.host() + ":" + broker.port(),
                "amqpbroadcast.serverid=" + serverId(name),
                "amqpbroadcast.exchange=" + exchange,
                "amqpbroadcast.heartbeat=5",
                "amqpbroadcast.connectiontimeout=5000"));
        lines.addAll(List.of(extraLines));
        serverIds.add(serverId(name));
        TestServer server = TestServer.starting(dir.resolve(serverId(name)), lines.toArray(String[]::new));
        servers.add(server);
        return server;
    }

    /** Another exchange this test makes its servers declare: deleted on close too. */
    String otherExchange(String suffix) {
        String other = exchange + "-" + suffix;
        exchanges.add(other);
        return other;
    }

    static ConditionFactory within(Duration duration) {
        return Awaitility.await().atMost(duration).pollInterval(Duration.ofMillis(20));
    }

    /** Waits until the queue of each server is bound to {@code exchange}: what is published to it then reaches them. */
    static void awaitBound(String exchange, TestServer... servers) {
        within(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (TestServer server : servers) {
                assertThat(server.metrics().boundExchanges())
                        .as("the exchanges a server's queue is bound to")
                        .contains(exchange);
            }
        });
    }

    /** {@link #awaitBound} for this test's exchange. */
    void awaitBound(TestServer... servers) {
        awaitBound(exchange, servers);
    }

    static RecordingListener register(DataNotifyService service) {
        RecordingListener listener = new RecordingListener();
        service.registerDataNotifyListener(listener);
        return listener;
    }
}
