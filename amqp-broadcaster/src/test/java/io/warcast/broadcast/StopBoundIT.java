package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.TestServers.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.DataNotifyService;
import io.warcast.broadcast.ListenerIsolationTest.BlockingListener;
import io.warcast.harness.FreezingTcpProxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code amqpbroadcast.shutdowntimeout} bounds the whole stop, not each thing it waits for: a listener that does not
 * end and a broker that no longer answers while a message waits for its confirm are waited for within the one limit.
 */
class StopBoundIT {

    private static final long SHUTDOWN_TIMEOUT_MS = 3_000;

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @RegisterExtension
    final TestServers servers = new TestServers(broker::admin);

    @Test
    void aStopWhereEverythingHangsReturnsWithinTheShutdownTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        BlockingListener stuck = new BlockingListener(release);
        try (FreezingTcpProxy proxy = FreezingTcpProxy.start(
                        broker.admin().host(), broker.admin().port());
                LogCapture log = LogCapture.start()) {
            TestServer server = servers.start(
                    "bound",
                    "amqpbroadcast.hostname=127.0.0.1:" + proxy.port(),
                    "amqpbroadcast.heartbeat=0",
                    "amqpbroadcast.shutdowntimeout=" + SHUTDOWN_TIMEOUT_MS);
            server.join("/report").service().registerDataNotifyListener(stuck);
            DataNotifyService shop = server.join("/shop").service();
            servers.awaitBound(server);
            shop.notifyDataChange(change("shop", 1));
            within(Duration.ofSeconds(10)).until(() -> stuck.entered.getCount() == 0);
            within(Duration.ofSeconds(10)).until(() -> server.metrics().get(BroadcasterCounter.CONFIRMED) == 1);
            proxy.freeze();
            shop.notifyDataChange(change("shop", 2));
            within(Duration.ofSeconds(10))
                    .alias("the second change is sent and waits for a confirm that does not come")
                    .until(() -> server.metrics().get(BroadcasterCounter.SENT) == 2);

            long started = System.nanoTime();
            server.close();
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            System.out.println("[stop] stop() with everything hanging returned after " + elapsedMs + " ms");
            assertThat(elapsedMs)
                    .as(
                            "amqpbroadcast.shutdowntimeout=%d ms and the allowance to abort: well under twice it",
                            SHUTDOWN_TIMEOUT_MS)
                    .isLessThan(2 * SHUTDOWN_TIMEOUT_MS);
            assertThat(log.linesWith("WARN", "messages not confirmed"))
                    .containsExactly("[main] WARN io.warcast.broadcast.amqp.AmqpLink - Warcast stopped with 1"
                            + " messages not confirmed by the AMQP broker at 127.0.0.1:" + proxy.port());
            assertThat(log.linesWith("WARN", "Warcast stopped without waiting for 1 listener(s)"))
                    .hasSize(1);
        } finally {
            release.countDown();
        }
    }
}
