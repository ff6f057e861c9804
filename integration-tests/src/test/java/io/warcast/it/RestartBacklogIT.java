package io.warcast.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warcast.harness.BrokerAdmin;
import io.warcast.harness.SampleClient;
import io.warcast.harness.TestBrokers;
import io.warcast.harness.TomcatNode;
import io.warcast.harness.TomcatProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real Tomcats with the sample as ROOT##001. Tomcat A goes away — killed with {@code kill -9}, or stopped the
 * orderly way (SIGTERM, as systemd and {@code shutdown.sh} do) — while B publishes; when A starts again, A##001 hears
 * every change that waited for it in its queue, once each and in the order B made them.
 */
class RestartBacklogIT {

    private static final int BACKLOG = 1_000;
    private static final String A = "backlog-a";
    private static final String B = "backlog-b";
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private static TestBrokers.Selection broker;
    private static BrokerAdmin admin;
    private static String exchange;
    private static TomcatNode tomcatA;
    private static TomcatNode tomcatB;
    private static SampleClient onB;

    @BeforeAll
    static void startTwoTomcats() {
        Path work =
                Path.of(System.getProperty("warcast.it.work", "target/fleet")).resolve("restart-backlog");
        broker = TestBrokers.select(work.resolve("broker"));
        System.out.println("RestartBacklogIT runs against " + broker.endpoint().describe());
        admin = new BrokerAdmin(broker.endpoint().host(), broker.endpoint().port());
        exchange = "warcast-it-" + UUID.randomUUID();
        tomcatA = start(A, work);
        tomcatA.deploySample("001", TomcatUnderTest.sampleWar());
        tomcatB = start(B, work);
        onB = tomcatB.deploySample("001", TomcatUnderTest.sampleWar());
    }

    @AfterAll
    static void stopTwoTomcats() {
        for (TomcatNode node : new TomcatNode[] {tomcatA, tomcatB}) {
            if (node != null) {
                node.close();
            }
        }
        if (admin != null) {
            admin.delete(List.of("warcast." + A, "warcast." + B), List.of(exchange));
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aTomcatKilledWithKill9HearsWhatWasSentWhileItWasDead() throws Exception {
        expectBacklogHeardAfterRestart("kill -9", TomcatProcess::kill, 10_000_000);
    }

    @Test
    void aTomcatStoppedCleanlyHearsWhatWasSentWhileItWasStopped() throws Exception {
        expectBacklogHeardAfterRestart("an orderly stop", tomcat -> tomcat.stop(LIMIT), 20_000_000);
    }

    private static void expectBacklogHeardAfterRestart(String how, Consumer<TomcatProcess> takeDown, long firstId)
            throws Exception {
        SampleClient onA = clientOf001(tomcatA);
        onB.putItem(firstId - 1, "marker before " + how, 1);
        await("A##001 hears B##001 before " + how).atMost(LIMIT).until(() -> Heard.contains(onA.heard(), firstId - 1));

        takeDown.accept(tomcatA.tomcat());
        long queuedBefore = admin.messageCount("warcast." + A);
        for (long id = firstId; id < firstId + BACKLOG; id++) {
            onB.putItem(id, "sent while A is down", 1);
        }
        await("A's queue on the broker holds B's " + BACKLOG + " changes")
                .atMost(LIMIT)
                .until(() -> admin.messageCount("warcast." + A) >= queuedBefore + BACKLOG);
        System.out.printf(
                "RestartBacklogIT: after %s, A's queue held %d messages%n", how, admin.messageCount("warcast." + A));

        long restarting = System.nanoTime();
        tomcatA.restart();
        SampleClient onARestarted = clientOf001(tomcatA);
        List<Long> expected =
                LongStream.range(firstId, firstId + BACKLOG).boxed().toList();
        List<Long> heard = await("A##001, started again after " + how + ", hears the " + BACKLOG + " changes")
                .atMost(LIMIT)
                .until(() -> heardFromB(onARestarted, firstId), ids -> ids.size() >= BACKLOG);
        System.out.printf(
                "RestartBacklogIT: after %s, A##001 heard all %d changes %.1f s after the restart began%n",
                how, BACKLOG, (System.nanoTime() - restarting) / 1e9);
        assertThat(heard)
                .as("what waited for A##001 after %s: each change once, in the order B made it", how)
                .isEqualTo(expected);
        assertThat(onARestarted.get("api/flushes").body())
                .as("nothing was lost, so A##001 was not asked to flush")
                .isEqualTo("[]");
    }

    private static List<Long> heardFromB(SampleClient receiver, long firstId) {
        return Heard.itemIdsFrom(receiver.heard(), B, "001").stream()
                .filter(id -> id >= firstId && id < firstId + BACKLOG)
                .toList();
    }

    private static SampleClient clientOf001(TomcatNode node) {
        SampleClient client = new SampleClient(node.base().uri());
        assertThat(client.version())
                .as("the only version deployed on " + node.jvmRoute())
                .isEqualTo("001");
        return client;
    }

    private static TomcatNode start(String route, Path work) {
        return TomcatNode.start(
                Path.of(System.getProperty("warcast.it.tomcat.home")),
                Path.of(System.getProperty("warcast.it.bundle")),
                work,
                route,
                "amqpbroadcast.hostname=" + broker.endpoint().host() + "\n"
                        + "amqpbroadcast.port=" + broker.endpoint().port() + "\n"
                        + "amqpbroadcast.exchange=" + exchange + "\n");
    }
}
