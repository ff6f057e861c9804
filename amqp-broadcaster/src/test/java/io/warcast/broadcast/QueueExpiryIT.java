package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.TestServers.register;
import static io.warcast.broadcast.TestServers.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.BroadcasterStatus.State;
import io.warcast.api.DataNotifyService;
import io.warcast.api.FlushRequest;
import io.warcast.harness.FreezingTcpProxy;
import io.warcast.harness.RabbitControl;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server B is cut off (silently, by a frozen network path) for longer than its queue lives: the broker deletes the
 * queue (here {@code rabbitmqctl delete_queue}, what {@code x-expires} does once the expiry runs out) while server A
 * publishes. When the path heals, B finds its queue gone, tells its listeners to flush, counts the gap, and hears what
 * A publishes from then on. RabbitMQ only: the embedded Qpid broker ignores {@code x-expires} and has no
 * {@code rabbitmqctl}; CI runs this on RabbitMQ.
 */
class QueueExpiryIT {

    @RegisterExtension
    final TestServers servers = new TestServers(() -> RabbitBroker.ADMIN);

    @BeforeAll
    static void rabbitMq() {
        RabbitBroker.requireRunning();
    }

    @Test
    void aServerWhoseQueueExpiredWhileAwayFlushesCountsTheGapAndHearsAgain() {
        try (FreezingTcpProxy path = FreezingTcpProxy.start(RabbitBroker.HOST, RabbitBroker.PORT)) {
            TestServer a = servers.start("a");
            TestServer b = servers.start(
                    "b",
                    "amqpbroadcast.hostname=127.0.0.1:" + path.port(),
                    "amqpbroadcast.heartbeat=1",
                    "amqpbroadcast.handshaketimeout=2000");
            DataNotifyService shopOnA = a.join("/shop").service();
            RecordingListener heardOnB = register(b.join("/shop").service());
            servers.awaitBound(a, b);
            shopOnA.notifyDataChange(change("shop", 1));
            within(Duration.ofSeconds(10)).alias("B hears A").until(() -> heardOnB.changes.size() == 1);

            path.freeze();
            try {
                within(Duration.ofSeconds(30))
                        .alias("B notices the silent path (heartbeat 1 s)")
                        .until(() -> b.metrics().linkState() != State.CONNECTED);
                RabbitControl.deleteQueue("warcast." + servers.serverId("b"));
                long confirmedBefore = a.metrics().get(BroadcasterCounter.CONFIRMED);
                for (int key = 2; key <= 4; key++) {
                    shopOnA.notifyDataChange(change("shop", key));
                }
                within(Duration.ofSeconds(10))
                        .alias("the broker has A's changes 2 to 4, with no queue of B to hold them")
                        .until(() -> a.metrics().get(BroadcasterCounter.CONFIRMED) >= confirmedBefore + 3);
            } finally {
                path.heal();
            }

            within(Duration.ofSeconds(60))
                    .alias("B reconnects after the path heals")
                    .until(() -> b.metrics().linkState() == State.CONNECTED
                            && b.metrics().get(BroadcasterCounter.RECONNECTS) >= 1);
            within(Duration.ofSeconds(10))
                    .alias("B's listener is told to flush: what was sent meanwhile is lost")
                    .until(() -> !heardOnB.flushes.isEmpty());
            assertThat(heardOnB.flushes.get(0).reason())
                    .as("the flush for the lost queue")
                    .isEqualTo(FlushRequest.Reason.MISSED_CHANGES);
            assertThat(b.metrics().get(BroadcasterCounter.GAPS))
                    .as("the lost queue is counted as a gap")
                    .isEqualTo(1);

            shopOnA.notifyDataChange(change("shop", 5));
            within(Duration.ofSeconds(10))
                    .alias("B hears A's change published after the reconnect")
                    .until(() -> heardOnB.changes.size() == 2);
            assertThat(heardOnB.changes)
                    .as("B heard A's changes before the cut and after the reconnect, nothing in between")
                    .extracting(event -> event.change().primaryKeys().get(0).get("id"))
                    .containsExactly(1L, 5L);
            assertThat(heardOnB.flushes)
                    .as("B flushed for its lost queue, then for the numbers A's sequence skipped")
                    .extracting(FlushRequest::reason)
                    .containsExactly(FlushRequest.Reason.MISSED_CHANGES, FlushRequest.Reason.MISSED_CHANGES);
            assertThat(b.metrics().get(BroadcasterCounter.GAPS))
                    .as("the lost queue and A's skipped sequence")
                    .isEqualTo(2);
        }
    }
}
