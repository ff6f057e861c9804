package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.TestServers.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.warcast.api.BroadcasterCounter;
import io.warcast.api.BroadcasterStatus.State;
import io.warcast.harness.FreezingTcpProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each of the four timeouts acts, with short values, and says so in one line: a TCP connect that hangs, a handshake
 * nobody answers, a channel RPC lost on a silent network path, and a listener that does not end when Warcast stops.
 */
class TimeoutsIT {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @RegisterExtension
    final TestServers servers = new TestServers(broker::admin);

    @Test
    void aTcpConnectThatHangsEndsAfterTheConnectionTimeout() throws IOException {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            fillBacklog(full, fillers);
            long started = System.nanoTime();
            TestServer server = servers.start(
                    "connect",
                    "amqpbroadcast.hostname=127.0.0.1:" + full.getLocalPort(),
                    "amqpbroadcast.connectiontimeout=1000");

            String error = awaitFailure(server);

            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            System.out.println("[timeout] connect failed after " + elapsedMs + " ms: " + error);
            assertThat(error)
                    .isEqualTo("Warcast cannot connect to the AMQP broker at 127.0.0.1:" + full.getLocalPort()
                            + ": unreachable (no TCP connection within amqpbroadcast.connectiontimeout=1000 ms)");
            assertThat(elapsedMs).as("it waited for the timeout").isGreaterThanOrEqualTo(900);
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void aHandshakeNobodyAnswersEndsAfterTheHandshakeTimeout() {
        try (FreezingTcpProxy silent =
                FreezingTcpProxy.start(broker.admin().host(), broker.admin().port())) {
            silent.freeze();
            long started = System.nanoTime();
            TestServer server = servers.start(
                    "handshake",
                    "amqpbroadcast.hostname=127.0.0.1:" + silent.port(),
                    "amqpbroadcast.handshaketimeout=1500");

            String error = awaitFailure(server);

            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            System.out.println("[timeout] handshake failed after " + elapsedMs + " ms: " + error);
            assertThat(error)
                    .isEqualTo("Warcast cannot connect to the AMQP broker at 127.0.0.1:" + silent.port()
                            + ": no AMQP 0-9-1 answer within amqpbroadcast.handshaketimeout=1500 ms (is it another"
                            + " service, such as an HTTP port? AMQP listens on 5672, 5671 with TLS;"
                            + " amqpbroadcast.port)");
            assertThat(elapsedMs).as("it waited for the timeout").isGreaterThanOrEqualTo(700);
        }
    }

    @Test
    void anRpcLostOnASilentPathFailsAfterTheRpcTimeoutAndTheLinkReconnects() throws Exception {
        try (FreezingTcpProxy proxy = FreezingTcpProxy.start(
                        broker.admin().host(), broker.admin().port());
                LogCapture log = LogCapture.start()) {
            TestServer server = servers.start(
                    "rpc",
                    "amqpbroadcast.hostname=127.0.0.1:" + proxy.port(),
                    "amqpbroadcast.heartbeat=0",
                    "amqpbroadcast.rpctimeout=2000",
                    "amqpbroadcast.handshaketimeout=2000");
            server.join("/shop");
            servers.awaitBound(server);
            // The consumer is set up on a pass of the link after the binding: once it is, the next RPC is the
            // declaration of the late exchange.
            within(Duration.ofSeconds(30))
                    .alias("the link consumes its queue")
                    .until(() -> !log.linesWith("Warcast takes messages from queue", servers.serverId("rpc"))
                            .isEmpty());
            String lateExchange = servers.otherExchange("late");
            long started;
            proxy.freeze();
            try {
                started = System.nanoTime();
                // The link declares the exchange of a new participant: an RPC that gets no answer.
                server.join("/late", Map.of("amqpbroadcast.exchange", lateExchange));
                within(Duration.ofSeconds(30))
                        .alias("the link gives up on the RPC")
                        .until(() -> !log.linesWith("Warcast lost the connection", "amqpbroadcast.rpctimeout")
                                .isEmpty());
            } finally {
                proxy.heal();
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            String line = log.linesWith("Warcast lost the connection", "amqpbroadcast.rpctimeout")
                    .get(0);
            System.out.println("[timeout] RPC failed after " + elapsedMs + " ms: " + line);
            assertThat(line)
                    .contains("Warcast lost the connection to the AMQP broker at 127.0.0.1:" + proxy.port()
                            + ": no answer from the broker to exchange.declare within amqpbroadcast.rpctimeout=2000"
                            + " ms; reconnecting");
            assertThat(elapsedMs).as("it waited for the timeout").isGreaterThanOrEqualTo(1_800);

            within(Duration.ofSeconds(60))
                    .alias("the link reconnects once the path heals")
                    .until(() -> server.metrics().linkState() == State.CONNECTED
                            && server.metrics().get(BroadcasterCounter.RECONNECTS) >= 1);
            within(Duration.ofSeconds(10))
                    .alias("the new participant's exchange is declared after the reconnect")
                    .until(() -> exchangeExists(lateExchange));
        }
    }

    @Test
    void stoppingWaitsForABusyListenerOnlyUntilTheShutdownTimeoutAndNamesIt() {
        CountDownLatch release = new CountDownLatch(1);
        ListenerIsolationTest.BlockingListener blocking = new ListenerIsolationTest.BlockingListener(release);
        try (LogCapture log = LogCapture.start()) {
            TestServer server = servers.start("stop", "amqpbroadcast.shutdowntimeout=1000");
            server.join("/report").service().registerDataNotifyListener(blocking);
            server.join("/shop").service().notifyDataChange(change("shop", 1));
            within(Duration.ofSeconds(10)).until(() -> blocking.entered.getCount() == 0);

            long started = System.nanoTime();
            server.close();
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            System.out.println("[timeout] stop() returned after " + elapsedMs + " ms");
            assertThat(elapsedMs)
                    .as("stop() waits about amqpbroadcast.shutdowntimeout=1000 ms for the busy listener")
                    .isBetween(900L, 8_000L);
            assertThat(log.linesWith("WARN", "Warcast stopped without waiting"))
                    .as("one warning naming the busy listener")
                    .containsExactly("[main] WARN io.warcast.broadcast.AmqpBroadcasterProvider - Warcast stopped"
                            + " without waiting for 1 listener(s) still busy after 1000 ms"
                            + " (amqpbroadcast.shutdowntimeout): listener ["
                            + ListenerIsolationTest.BlockingListener.class.getName()
                            + "] of application [/report]; their threads were interrupted");
            within(Duration.ofSeconds(5))
                    .alias("the busy listener's thread is interrupted")
                    .until(() -> blocking.interrupted);
        } finally {
            release.countDown();
        }
    }

    /** Opens connections that are never accepted until one hangs: the accept backlog is full. */
    private static void fillBacklog(ServerSocket full, List<Socket> fillers) throws IOException {
        for (int i = 0; i < 10; i++) {
            Socket filler = new Socket();
            fillers.add(filler);
            try {
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 300);
            } catch (SocketTimeoutException e) {
                return;
            }
        }
        throw new IllegalStateException("The accept backlog of a loopback listener did not fill up in 10 connections");
    }

    private static String awaitFailure(TestServer server) {
        within(Duration.ofSeconds(20)).until(() -> server.metrics().lastError().isPresent());
        assertThat(server.metrics().linkState()).as("no connection").isNotEqualTo(State.CONNECTED);
        return server.metrics().lastError().orElseThrow();
    }

    private static boolean exchangeExists(String exchange) throws IOException {
        try (Connection connection = broker.admin().connect("check")) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclarePassive(exchange);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
