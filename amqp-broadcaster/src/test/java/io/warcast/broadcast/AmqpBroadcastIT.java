package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.TestServers.register;
import static io.warcast.broadcast.TestServers.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyService;
import io.warcast.harness.RabbitControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two servers (two providers with their own server ids) in this JVM, talking through the real RabbitMQ. */
class AmqpBroadcastIT {

    @RegisterExtension
    final TestServers servers = new TestServers(() -> RabbitBroker.ADMIN);

    private final String serverA = servers.serverId("a");
    private final String serverB = servers.serverId("b");

    @BeforeAll
    static void broker() {
        RabbitBroker.requireRunning();
    }

    @Test
    void aChangeReachesTheOtherServerOnceAndItsOwnServerOnlyInTheJvm() {
        TestServer a = servers.start("a");
        TestServer b = servers.start("b");
        DataNotifyService shopOnA = a.join("/shop").service();
        DataNotifyService reportOnA = a.join("/report").service();
        DataNotifyService shopOnB = b.join("/shop").service();
        RecordingListener heardByShopOnA = register(shopOnA);
        RecordingListener heardByReportOnA = register(reportOnA);
        RecordingListener heardByShopOnB = register(shopOnB);
        servers.awaitBound(a, b);

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
        assertThat(a.metrics().get(BroadcasterCounter.DUPLICATES_SUPPRESSED)).isZero();
        assertThat(b.metrics().get(BroadcasterCounter.RECEIVED)).isEqualTo(1);
    }

    @Test
    void aJoinWhileConnectedReturnsOnceItsExchangeIsBoundSoAChangeSentRightAfterReachesIt() {
        String late = servers.otherExchange("late");
        TestServer a = servers.start("a");
        TestServer b = servers.start("b");
        a.join("/shop");
        DataNotifyService lateOnB =
                b.join("/late", Map.of("amqpbroadcast.exchange", late)).service();
        servers.awaitBound(a);
        TestServers.awaitBound(late, b);

        RecordingListener heardOnA =
                register(a.join("/late", Map.of("amqpbroadcast.exchange", late)).service());
        assertThat(a.metrics().boundExchanges())
                .as("A's queue is bound to the exchange of the application that just joined")
                .contains(late);

        lateOnB.notifyDataChange(change("late", 1));
        within(Duration.ofSeconds(10))
                .alias("A hears a change sent right after its application joined")
                .until(() -> heardOnA.changes.size() == 1);
    }

    @Test
    void aStreamSurvivesABrokerRestartExactlyOnceAndInOrderAndPublishingNeverWaits() throws Exception {
        int streamed = 5_000;
        int timed = 1_000;
        TestServer a = servers.start("a");
        TestServer b = servers.start("b");
        DataNotifyService shopOnA = a.join("/shop").service();
        DataNotifyService reportOnA = a.join("/report").service();
        RecordingListener heardOnB = register(b.join("/shop").service());
        servers.awaitBound(a, b);

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

            RabbitControl.stopApp();
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
                RabbitControl.startApp();
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
                b.metrics().get(BroadcasterCounter.DUPLICATES_SUPPRESSED),
                a.metrics().get(BroadcasterCounter.SENT),
                a.metrics().get(BroadcasterCounter.RECONNECTS));

        assertThat(sequencesFrom(heardOnB, shopOnA))
                .as("the stream: each change once, in order")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, streamed).boxed().toList());
        assertThat(sequencesFrom(heardOnB, reportOnA))
                .as("the changes published while the broker was down")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, timed).boxed().toList());
        assertThat(b.metrics().get(BroadcasterCounter.GAPS)).isZero();
        assertThat(a.metrics().get(BroadcasterCounter.DROPPED_OUTBOX)).isZero();
        assertThat(a.metrics().get(BroadcasterCounter.RECONNECTS)).isGreaterThanOrEqualTo(1);
    }

    private static List<Long> sequencesFrom(RecordingListener listener, DataNotifyService sender) {
        return listener.changes.stream()
                .filter(event -> event.origin().equals(sender.self()))
                .map(DataChangeEvent::sequence)
                .toList();
    }
}
