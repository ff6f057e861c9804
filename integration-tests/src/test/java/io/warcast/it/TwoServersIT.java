package io.warcast.it;

import static io.warcast.it.Fleet.A;
import static io.warcast.it.Fleet.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.warcast.harness.RabbitControl;
import io.warcast.harness.SampleClient;
import io.warcast.harness.TestBrokers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real Tomcats, each running the sample as ##001 and ##002, broadcasting through the broker: every change made
 * in one participant reaches the three others exactly once, in the order it was made, across broker restarts and a
 * silent network cut.
 */
class TwoServersIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    /** Each sender streams at most 400 changes a second. */
    private static final long NANOS_BETWEEN_CHANGES = 1_000_000_000L / 400;
    /** What the broadcaster logs when it loses its broker connection. */
    private static final String CONNECTION_LOST = "Warcast lost the connection to the AMQP broker";

    private static TestBrokers.Selection broker;
    private static Fleet fleet;

    @BeforeAll
    static void startFleet() {
        Path work = Path.of(System.getProperty("warcast.it.work", "target/fleet"));
        broker = TestBrokers.select(work.resolve("broker"));
        System.out.println("TwoServersIT runs against " + broker.endpoint().describe());
        fleet = Fleet.start(broker.endpoint(), work);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aChangePutToA002ReachesA001AndBothVersionsOnBButNotA002() {
        fleet.client(A, "002").putItem(42, "crosses servers", 4);

        for (SampleClient receiver : List.of(fleet.client(A, "001"), fleet.client(B, "001"), fleet.client(B, "002"))) {
            await("a participant hears the change from " + A + "##002")
                    .atMost(DELIVERY)
                    .until(() -> Heard.contains(receiver.heard(), 42));
            assertThat(receiver.item(42).path("name").asText()).isEqualTo("crosses servers");
        }
        // A##002 would have heard itself before B##002's marker, which travels the same way back.
        fleet.client(B, "002").putItem(43, "marker", 1);
        await().atMost(DELIVERY)
                .until(() -> Heard.contains(fleet.client(A, "002").heard(), 43));
        assertThat(Heard.contains(fleet.client(A, "002").heard(), 42))
                .as("the sender never hears its own change")
                .isFalse();
        assertThat(Heard.itemIdsFrom(fleet.client(A, "001").heard(), A, "002"))
                .as("A##001 hears A##002's change once: in the JVM, not again through the broker")
                .containsOnlyOnce(42L);
    }

    @Test
    void twentyThousandChangesSurviveTwoRabbitMqRestartsExactlyOnceAndInOrder() throws Exception {
        assumeTrue(
                broker.endpoint().isRabbitMq(),
                "stopping and starting the broker needs RabbitMQ (rabbitmqctl); CI runs this on RabbitMQ, here the"
                        + " broker is " + broker.endpoint().describe());
        int perSender = 10_000;
        long fromA = 1_000_000;
        long fromB = 2_000_000;
        AtomicLong slowestPutDuringOutageNanos = new AtomicLong();
        AtomicInteger sentByA = new AtomicInteger();
        List<Integer> sentByAAtEachStop = new ArrayList<>();
        try {
            CompletableFuture<Void> streamA = stream(fleet.client(A, "002"), fromA, perSender, null, sentByA);
            CompletableFuture<Void> streamB =
                    stream(fleet.client(B, "002"), fromB, perSender, slowestPutDuringOutageNanos, new AtomicInteger());
            for (int restart = 1; restart <= 2; restart++) {
                int due = restart * 3_000 - 2_000;
                await("A##002 has sent " + due + " changes").atMost(DELIVERY).until(() -> sentByA.get() >= due);
                sentByAAtEachStop.add(sentByA.get());
                RabbitControl.stopApp();
                RabbitControl.startApp();
            }
            assertThat(streamA.isDone())
                    .as("the stream still ran when RabbitMQ came back the second time, else this test proves nothing")
                    .isFalse();
            streamA.get();
            streamB.get();
        } finally {
            RabbitControl.ensureRunning();
        }
        System.out.printf(
                "TwoServersIT: RabbitMQ stopped when A##002 had sent %s of %d%n", sentByAAtEachStop, perSender);
        System.out.printf(
                "TwoServersIT: slowest PUT on B##002 while the stream ran: %.1f ms%n",
                slowestPutDuringOutageNanos.get() / 1e6);

        expectExactlyInOrder(fleet.client(A, "001"), A, fromA, perSender);
        expectExactlyInOrder(fleet.client(A, "001"), B, fromB, perSender);
        expectExactlyInOrder(fleet.client(A, "002"), B, fromB, perSender);
        expectExactlyInOrder(fleet.client(B, "001"), A, fromA, perSender);
        expectExactlyInOrder(fleet.client(B, "001"), B, fromB, perSender);
        expectExactlyInOrder(fleet.client(B, "002"), A, fromA, perSender);
    }

    @Test
    void aSilentNetworkCutBetweenAAndTheBrokerLosesNothing() throws Exception {
        int count = 2_000;
        long fromA = 3_000_000;
        long lossesBefore = connectionLossLines(A);
        CompletableFuture<Void> stream = stream(fleet.client(A, "002"), fromA, count, null, new AtomicInteger());
        fleet.proxyOfA().freeze();
        try {
            await("the stream from A##002 goes on while A's broker connection is silently cut")
                    .atMost(DELIVERY)
                    .until(stream::isDone);
            await("A notices the dead connection through its heartbeat (2 s here)")
                    .atMost(DELIVERY)
                    .until(() -> connectionLossLines(A) > lossesBefore);
        } finally {
            fleet.proxyOfA().heal();
        }
        stream.get();
        expectExactlyInOrder(fleet.client(B, "001"), A, fromA, count);
        expectExactlyInOrder(fleet.client(B, "002"), A, fromA, count);
    }

    private static long connectionLossLines(String route) throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(fleet.node(route).base().catalinaLog())) {
            return lines.filter(line -> line.contains(CONNECTION_LOST)).count();
        }
    }

    private static CompletableFuture<Void> stream(
            SampleClient sender, long firstId, int count, AtomicLong slowest, AtomicInteger sent) {
        return CompletableFuture.runAsync(() -> {
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                // A steady stream, like real traffic, so that both broker restarts fall in the middle of it.
                LockSupport.parkNanos(begin + i * NANOS_BETWEEN_CHANGES - System.nanoTime());
                long started = System.nanoTime();
                sender.putItem(firstId + i, "stream " + i, i);
                if (slowest != null) {
                    slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                }
                sent.incrementAndGet();
            }
        });
    }

    private static void expectExactlyInOrder(SampleClient receiver, String senderServer, long firstId, int count) {
        List<Long> expected = LongStream.range(firstId, firstId + count).boxed().toList();
        List<Long> heard = await(receiver.version() + " hears all " + count + " changes from " + senderServer + "##002")
                .atMost(Duration.ofMinutes(3))
                .until(() -> inRange(receiver.heard(), senderServer, firstId, count), ids -> ids.size() >= count);
        assertThat(heard)
                .as("changes from %s##002 heard by a participant: each once, in the order sent", senderServer)
                .isEqualTo(expected);
    }

    private static List<Long> inRange(List<JsonNode> heard, String server, long firstId, int count) {
        return Heard.itemIdsFrom(heard, server, "002").stream()
                .filter(id -> id >= firstId && id < firstId + count)
                .toList();
    }
}
