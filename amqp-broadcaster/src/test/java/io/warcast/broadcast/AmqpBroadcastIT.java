package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyService;
import io.warcast.broadcast.BroadcasterMetrics.LinkState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two servers (two providers with their own server ids) in this JVM, talking through the real RabbitMQ. */
class AmqpBroadcastIT {

    @TempDir
    Path dir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String exchange = "warcast-it-" + run;
    private final String serverA = "it-a-" + run;
    private final String serverB = "it-b-" + run;
    private final List<TestServer> servers = new ArrayList<>();

    @BeforeAll
    static void broker() {
        RabbitBroker.requireRunning();
    }

    @BeforeEach
    void announce() {
        System.out.println("[broker] " + getClass().getSimpleName() + " on RabbitMQ, exchange " + exchange);
    }

    @AfterEach
    void cleanUp() {
        servers.forEach(TestServer::close);
        RabbitBroker.delete(List.of("warcast." + serverA, "warcast." + serverB), List.of(exchange));
    }

    private TestServer server(String serverId, String... extraLines) {
        List<String> lines = new ArrayList<>(List.of(
                "amqpbroadcast.hostname=" + RabbitBroker.HOST + ":" + RabbitBroker.PORT,
                "amqpbroadcast.serverid=" + serverId,
                "amqpbroadcast.exchange=" + exchange,
                "amqpbroadcast.heartbeat=5",
                "amqpbroadcast.connectiontimeout=5000"));
        lines.addAll(List.of(extraLines));
        TestServer server = TestServer.start(dir.resolve(serverId), lines.toArray(String[]::new));
        servers.add(server);
        return server;
    }

    private static ConditionFactory within(Duration duration) {
        return Awaitility.await().atMost(duration).pollInterval(Duration.ofMillis(20));
    }

    private static void connected(TestServer... servers) {
        within(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (TestServer server : servers) {
                assertThat(server.metrics().linkState()).isEqualTo(LinkState.CONNECTED);
            }
        });
    }

    @Test
    void aChangeReachesTheOtherServerOnceAndItsOwnServerOnlyInTheJvm() {
        TestServer a = server(serverA);
        TestServer b = server(serverB);
        DataNotifyService shopOnA = a.join("/shop").service();
        DataNotifyService reportOnA = a.join("/report").service();
        DataNotifyService shopOnB = b.join("/shop").service();
        RecordingListener heardByShopOnA = register(shopOnA);
        RecordingListener heardByReportOnA = register(reportOnA);
        RecordingListener heardByShopOnB = register(shopOnB);
        connected(a, b);

        shopOnA.notifyDataChange(change("shop", 1));
        within(Duration.ofSeconds(10))
                .alias("server B hears the change of server A")
                .until(() -> heardByShopOnB.changes.size() == 1);
        // B answers; A's queue holds A's own change before B's answer, so once A's apps hear the answer, A's consumer
        // has already seen (and skipped) its own change.
        shopOnB.notifyDataChange(change("shop", 2));
        within(Duration.ofSeconds(10)).until(() -> heardByReportOnA.changes.size() == 2);

        assertThat(heardByShopOnB.changes.get(0).origin()).isEqualTo(shopOnA.self());
        assertThat(heardByReportOnA.changes)
                .as("A's other app hears A's change once (in the JVM), then B's")
                .extracting(event -> event.origin().serverId())
                .containsExactly(serverA, serverB);
        assertThat(heardByShopOnA.changes)
                .as("the sender never hears itself, not even back from the broker")
                .extracting(event -> event.origin().serverId())
                .containsExactly(serverB);
        assertThat(a.metrics().duplicates()).isZero();
        assertThat(b.metrics().received()).isEqualTo(1);
    }

    @Test
    void aStreamSurvivesABrokerRestartExactlyOnceAndInOrderAndPublishingNeverWaits() throws Exception {
        int streamed = 5_000;
        int timed = 1_000;
        TestServer a = server(serverA);
        TestServer b = server(serverB);
        DataNotifyService shopOnA = a.join("/shop").service();
        DataNotifyService reportOnA = a.join("/report").service();
        RecordingListener heardOnB = register(b.join("/shop").service());
        connected(a, b);

        ExecutorService publisher = Executors.newSingleThreadExecutor();
        AtomicInteger published = new AtomicInteger();
        long started = System.nanoTime();
        long maxPublishNanos = 0;
        boolean stopped = false;
        try {
            Future<?> stream = publisher.submit(() -> {
                for (int i = 1; i <= streamed; i++) {
                    shopOnA.notifyDataChange(change("shop", i));
                    published.incrementAndGet();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // a steady stream, about 500 a second
                }
            });
            within(Duration.ofSeconds(30)).until(() -> heardOnB.changes.size() >= 1_000);

            RabbitBroker.stopApp();
            stopped = true;
            System.out.println("[stream] broker stopped after " + heardOnB.changes.size() + " changes reached B and "
                    + published.get() + " were published");
            for (int i = 1; i <= timed; i++) {
                long before = System.nanoTime();
                reportOnA.notifyDataChange(change("report", i));
                maxPublishNanos = Math.max(maxPublishNanos, System.nanoTime() - before);
            }
            System.out.printf(
                    "[publish] %d publishes while the broker was down: the slowest call took %.3f ms%n",
                    timed, maxPublishNanos / 1e6);
            stream.get(60, TimeUnit.SECONDS);
        } finally {
            if (stopped) {
                RabbitBroker.startApp();
            }
            publisher.shutdownNow();
        }

        within(Duration.ofSeconds(120))
                .alias("every change reaches B after the restart")
                .until(() -> heardOnB.changes.size() >= streamed + timed);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "[stream] %d changes (and %d timed ones) reached B across a broker restart in %.1f s; B dropped %d"
                        + " duplicates, A sent %d (resends included), %d reconnects%n",
                streamed,
                timed,
                seconds,
                b.metrics().duplicates(),
                a.metrics().sent(),
                a.metrics().reconnects());

        assertThat(sequencesFrom(heardOnB, shopOnA))
                .as("the stream: each change once, in order")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, streamed).boxed().toList());
        assertThat(sequencesFrom(heardOnB, reportOnA))
                .as("the changes published while the broker was down")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, timed).boxed().toList());
        assertThat(b.metrics().gaps()).isZero();
        assertThat(a.metrics().droppedOutbox()).isZero();
        assertThat(a.metrics().reconnects()).isGreaterThanOrEqualTo(1);
    }

    private static List<Long> sequencesFrom(RecordingListener listener, DataNotifyService sender) {
        return listener.changes.stream()
                .filter(event -> event.origin().equals(sender.self()))
                .map(DataChangeEvent::sequence)
                .toList();
    }

    private static RecordingListener register(DataNotifyService service) {
        RecordingListener listener = new RecordingListener();
        service.registerDataNotifyListener(listener);
        return listener;
    }
}
