package io.warcast.it;

import static io.warcast.it.Fleet.A;
import static io.warcast.it.Fleet.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.warcast.harness.RabbitControl;
import io.warcast.harness.SampleClient;
import io.warcast.harness.TestBrokers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    /** At least this many changes from each of the two senders across the restarts: twenty thousand in all. */
    private static final int RESTARTS_MINIMUM = 10_000;
    // The limits stop a stream that a fault outlasts: 100 s and 37.5 s at full speed. Both tests together stay within
    // what a participant's bounded log of heard changes keeps (100,000), so nothing a test waits for drops out of it.
    private static final int RESTARTS_LIMIT = 40_000;
    private static final int CUT_LIMIT = 15_000;
    /** Changes each sender sends after each restart is complete, before the next step. */
    private static final int SENT_AFTER_EACH_RESTART = 1_000;
    /** Changes A sends before the cut, between noticing it and healing, and after connecting again. */
    private static final int SENT_AROUND_THE_CUT = 200;
    /** What the broadcaster logs when it loses its broker connection. */
    private static final String CONNECTION_LOST = "Warcast lost the connection to the AMQP broker";
    /** What the broadcaster logs each time it has connected. */
    private static final String CONNECTED = "Warcast connected to";

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
        List<Integer> sentByAAtEachStop = new ArrayList<>();
        List<Duration> restartDurations = new ArrayList<>();
        List<Long> sentByA;
        List<Long> sentByB;
        try (ChangeStream fromA = ChangeStream.start(A + "##002", fleet.client(A, "002"), 1_000_000, RESTARTS_LIMIT);
                ChangeStream fromB =
                        ChangeStream.start(B + "##002", fleet.client(B, "002"), 2_000_000, RESTARTS_LIMIT)) {
            try {
                int dueA = 1_000;
                for (int restart = 1; restart <= 2; restart++) {
                    awaitSent(fromA, dueA);
                    sentByAAtEachStop.add(fromA.sentSoFar());
                    long connectsOfA = logLines(A, CONNECTED);
                    long connectsOfB = logLines(B, CONNECTED);
                    long stopped = System.nanoTime();
                    RabbitControl.stopApp();
                    RabbitControl.startApp();
                    restartDurations.add(Duration.ofNanos(System.nanoTime() - stopped));
                    awaitWhileRunning(
                            "A and B connect to RabbitMQ again after restart " + restart,
                            () -> logLines(A, CONNECTED) > connectsOfA && logLines(B, CONNECTED) > connectsOfB,
                            fromA,
                            fromB);
                    dueA = fromA.sentSoFar() + SENT_AFTER_EACH_RESTART;
                }
                int dueB = fromB.sentSoFar() + SENT_AFTER_EACH_RESTART;
                awaitSent(fromA, Math.max(dueA, RESTARTS_MINIMUM));
                awaitSent(fromB, Math.max(dueB, RESTARTS_MINIMUM));
            } finally {
                RabbitControl.ensureRunning();
            }
            sentByA = fromA.stop();
            sentByB = fromB.stop();
            System.out.printf(
                    "TwoServersIT: RabbitMQ stopped when A##002 had sent %s, restarts took %s; A##002 sent %d, B##002"
                            + " %d in all%n",
                    sentByAAtEachStop, restartDurations, sentByA.size(), sentByB.size());
            System.out.printf(
                    "TwoServersIT: slowest PUT on B##002 while the stream ran: %.1f ms%n",
                    fromB.slowestPut().toNanos() / 1e6);

            expectExactlyInOrder(fleet.client(A, "001"), A, fromA, sentByA);
            expectExactlyInOrder(fleet.client(A, "001"), B, fromB, sentByB);
            expectExactlyInOrder(fleet.client(A, "002"), B, fromB, sentByB);
            expectExactlyInOrder(fleet.client(B, "001"), A, fromA, sentByA);
            expectExactlyInOrder(fleet.client(B, "001"), B, fromB, sentByB);
            expectExactlyInOrder(fleet.client(B, "002"), A, fromA, sentByA);
        }
    }

    @Test
    void aSilentNetworkCutBetweenAAndTheBrokerLosesNothing() throws Exception {
        long lossesBefore = logLines(A, CONNECTION_LOST);
        long connectsBefore = logLines(A, CONNECTED);
        try (ChangeStream fromA = ChangeStream.start(A + "##002", fleet.client(A, "002"), 3_000_000, CUT_LIMIT)) {
            awaitSent(fromA, SENT_AROUND_THE_CUT);
            fleet.proxyOfA().freeze();
            try {
                awaitWhileRunning(
                        "A notices the dead connection through its heartbeat (2 s here)",
                        () -> logLines(A, CONNECTION_LOST) > lossesBefore,
                        fromA);
                awaitSent(fromA, fromA.sentSoFar() + SENT_AROUND_THE_CUT);
            } finally {
                fleet.proxyOfA().heal();
            }
            awaitWhileRunning(
                    "A connects again once the path heals", () -> logLines(A, CONNECTED) > connectsBefore, fromA);
            awaitSent(fromA, fromA.sentSoFar() + SENT_AROUND_THE_CUT);
            List<Long> sentByA = fromA.stop();
            System.out.printf("TwoServersIT: A##002 sent %d changes across the cut%n", sentByA.size());

            expectExactlyInOrder(fleet.client(B, "001"), A, fromA, sentByA);
            expectExactlyInOrder(fleet.client(B, "002"), A, fromA, sentByA);
        }
    }

    private static long logLines(String route, String text) throws IOException {
        try (var lines = Files.lines(fleet.node(route).base().catalinaLog())) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    /** Waits until the stream has sent {@code count} changes in all; fails at once if it ended. */
    private static void awaitSent(ChangeStream stream, int count) {
        awaitWhileRunning(stream + " has sent " + count + " changes", () -> stream.sentSoFar() >= count, stream);
    }

    /** Waits for {@code condition}; fails at once if one of the streams ended before the condition was met. */
    private static void awaitWhileRunning(String what, Callable<Boolean> condition, ChangeStream... streams) {
        await(what + ", with " + List.of(streams) + " running").atMost(DELIVERY).until(() -> {
            // The condition first: a stream that runs after the condition was met also ran when it was met.
            boolean met = condition.call();
            for (ChangeStream stream : streams) {
                stream.expectRunning();
            }
            return met;
        });
    }

    private static void expectExactlyInOrder(
            SampleClient receiver, String senderServer, ChangeStream stream, List<Long> sent) {
        List<Long> heard = await(
                        receiver.version() + " hears all " + sent.size() + " changes from " + senderServer + "##002")
                .atMost(Duration.ofMinutes(3))
                .until(() -> heardFrom(receiver, senderServer, stream), ids -> ids.size() >= sent.size());
        assertThat(heard)
                .as("changes from %s##002 heard by a participant: each once, in the order sent", senderServer)
                .isEqualTo(sent);
    }

    private static List<Long> heardFrom(SampleClient receiver, String server, ChangeStream stream) {
        return Heard.itemIdsFrom(receiver.heard(), server, "002").stream()
                .filter(stream::owns)
                .toList();
    }
}
