package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.TestServers.register;
import static io.warcast.broadcast.TestServers.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.DataNotifyService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers started with the same server id would share one queue, each taking half of the messages and dropping
 * the other half as its own. The second is refused the queue, says so in one line naming the id, and takes over once
 * the first has gone.
 */
class DuplicateServerIdIT {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @RegisterExtension
    final TestServers servers = new TestServers(broker::admin);

    @Test
    void theSecondServerWithAnIdIsRefusedItsQueueSaysSoOnceAndTakesOverWhenTheFirstGoes() {
        try (LogCapture log = LogCapture.start()) {
            TestServer first = servers.start("twin");
            RecordingListener heardOnFirst = register(first.join("/shop").service());
            TestServer sender = servers.start("sender");
            DataNotifyService shopOnSender = sender.join("/shop").service();
            servers.awaitBound(first, sender);

            TestServer second = servers.start("twin");
            RecordingListener heardOnSecond = register(second.join("/shop").service());
            within(Duration.ofSeconds(30))
                    .alias("the second server is refused the queue of the first")
                    .until(() -> !log.linesWith("WARN", "Warcast cannot take messages from queue")
                            .isEmpty());
            assertThat(log.linesWith("WARN", "Warcast cannot take messages from queue")
                            .get(0))
                    .contains("[warcast." + servers.serverId("twin") + "]")
                    .contains("amqpbroadcast.serverid=" + servers.serverId("twin"))
                    .contains("every server needs an id of its own");
            assertThat(second.metrics().lastError())
                    .hasValueSatisfying(error -> assertThat(error).contains("exclusive"));

            for (long key = 1; key <= 100; key++) {
                shopOnSender.notifyDataChange(change("shop", key));
            }
            within(Duration.ofSeconds(30))
                    .alias("the first server hears every change")
                    .until(() -> heardOnFirst.changes.size() == 100);
            assertThat(heardOnSecond.changes)
                    .as("the refused server takes none of them")
                    .isEmpty();

            first.close();
            shopOnSender.notifyDataChange(change("shop", 101));
            within(Duration.ofSeconds(60))
                    .alias("the second server takes the queue over once the first has gone")
                    .until(() -> heardOnSecond.changes.size() == 1);
            // The link logs the take-over once the broker's consume-ok is in: maybe after the first delivery.
            within(Duration.ofSeconds(10))
                    .alias("the second server says it took the queue over")
                    .until(() -> !log.linesWith(
                                    "Warcast takes messages from queue", "now that no other connection holds it")
                            .isEmpty());
            assertThat(log.linesWith("WARN", "Warcast cannot take messages from queue"))
                    .as("one line for the refusal, however often it was retried")
                    .hasSize(1);
        }
    }
}
