package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.TestServers.register;
import static io.warcast.broadcast.TestServers.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyService;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server A is away while B publishes; when A starts again, what waited in A's queue reaches A's applications (once,
 * in order) because A takes its queue only once they have joined, and what no application of A joined is counted and
 * logged once per exchange.
 */
class StartupBacklogIT {

    private static final int BACKLOG = 500;

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @RegisterExtension
    final TestServers servers = new TestServers(broker::admin);

    @Test
    void aRestartedServerHearsWhatWaitedForItOnceInOrderAndCountsWhatNobodyJoined() {
        String reports = servers.otherExchange("reports");
        TestServer b = servers.start("b");
        DataNotifyService shopOnB = b.join("/shop").service();
        DataNotifyService reportsOnB =
                b.join("/reports", Map.of("amqpbroadcast.exchange", reports)).service();
        TestServer firstA = servers.start("a");
        firstA.join("/shop");
        firstA.join("/reports", Map.of("amqpbroadcast.exchange", reports));
        servers.awaitBound(b, firstA);
        TestServers.awaitBound(reports, firstA);
        firstA.close();

        long confirmedBefore = b.metrics().get(BroadcasterCounter.CONFIRMED);
        for (long key = 1; key <= BACKLOG; key++) {
            shopOnB.notifyDataChange(change("shop", key));
        }
        for (long key = 1; key <= 3; key++) {
            reportsOnB.notifyDataChange(change("reports", key));
        }
        within(Duration.ofSeconds(30))
                .alias("the broker confirmed B's changes while A was away")
                .until(() -> b.metrics().get(BroadcasterCounter.CONFIRMED) >= confirmedBefore + BACKLOG + 3);

        try (LogCapture log = LogCapture.start()) {
            TestServer a = servers.starting("a");
            // As in Tomcat, where applications join seconds after the link is up: here once the link has decided
            // about its queue, which it would have started to consume at once if it did not wait for them.
            within(Duration.ofSeconds(30))
                    .alias("A is connected again and has decided about its queue")
                    .until(() -> !log.linesWith("Warcast waits for the applications deployed at start-up")
                                    .isEmpty()
                            || !log.linesWith("Warcast takes messages from queue")
                                    .isEmpty());
            RecordingListener heardOnA = register(a.join("/shop").service());
            assertThat(a.metrics().get(BroadcasterCounter.RECEIVED))
                    .as("A takes nothing from its queue before the server has started")
                    .isZero();

            a.serverStarted();
            within(Duration.ofSeconds(30))
                    .alias("A's application hears the backlog")
                    .until(() -> heardOnA.changes.size() >= BACKLOG);
            assertThat(heardOnA.changes.stream().map(StartupBacklogIT::key).toList())
                    .as("what waited for A, each once and in the order B sent it")
                    .isEqualTo(LongStream.rangeClosed(1, BACKLOG).boxed().toList());
            assertThat(heardOnA.flushes)
                    .as("nothing was lost, so nothing to flush")
                    .isEmpty();

            within(Duration.ofSeconds(30))
                    .alias("A counts the messages on the exchange none of its applications joined")
                    .until(() -> a.metrics().get(BroadcasterCounter.UNCLAIMED) == 3);
            assertThat(log.linesWith("WARN", "no application of this server has joined", reports))
                    .as("one line for the exchange, not one per message")
                    .hasSize(1);
            within(Duration.ofSeconds(10))
                    .alias("A says how many messages waited for it")
                    .until(() -> !log.linesWith("Warcast takes messages from queue", (BACKLOG + 3) + " waited")
                            .isEmpty());
        }
    }

    @Test
    void withoutWordThatTheServerStartedTheQueueIsTakenAfterTheStartupTimeout() {
        try (LogCapture log = LogCapture.start()) {
            TestServer a = servers.starting("a", "amqpbroadcast.startuptimeout=1000");
            TestServer b = servers.start("b");
            RecordingListener heardOnA = register(a.join("/shop").service());
            DataNotifyService shopOnB = b.join("/shop").service();
            servers.awaitBound(a, b);

            shopOnB.notifyDataChange(change("shop", 1));

            within(Duration.ofSeconds(30))
                    .alias("A takes its queue once amqpbroadcast.startuptimeout ran out")
                    .until(() -> heardOnA.changes.size() == 1);
            assertThat(log.linesWith("WARN", "Warcast waited amqpbroadcast.startuptimeout=1000 ms"))
                    .hasSize(1);
        }
    }

    private static long key(DataChangeEvent event) {
        return ((Number) event.change().primaryKeys().get(0).get("id")).longValue();
    }
}
