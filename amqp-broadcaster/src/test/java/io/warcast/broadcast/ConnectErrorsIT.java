package io.warcast.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way of failing to reach the broker gives one clear line, never the password; start never waits. */
class ConnectErrorsIT {

    @TempDir
    Path dir;

    private final String serverId = "it-err-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<TestServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(TestServer::close);
        RabbitBroker.ADMIN.delete(List.of("warcast." + serverId), List.of());
    }

    private String lastErrorWith(String... lines) {
        List<String> all = new ArrayList<>(List.of(lines));
        all.add("amqpbroadcast.serverid=" + serverId);
        all.add("amqpbroadcast.connectiontimeout=3000");
        all.add("amqpbroadcast.handshaketimeout=3000");
        TestServer server = TestServer.start(dir, all.toArray(String[]::new));
        servers.add(server);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> server.metrics().lastError().isPresent());
        String error = server.metrics().lastError().orElseThrow();
        System.out.println("[error] " + error);
        return error;
    }

    @Test
    void aWrongPasswordIsNamedWithoutShowingIt() {
        RabbitBroker.requireRunning();
        assertThat(lastErrorWith("amqpbroadcast.hostname=127.0.0.1", "amqpbroadcast.password=not-the-password"))
                .isEqualTo("Warcast cannot connect to the AMQP broker at 127.0.0.1:5672: user name or password"
                        + " refused for user [guest] (amqpbroadcast.username, amqpbroadcast.password)");
    }

    @Test
    void anUnknownVirtualHostIsNamed() {
        RabbitBroker.requireRunning();
        assertThat(lastErrorWith("amqpbroadcast.hostname=127.0.0.1", "amqpbroadcast.virtualhost=no-such-vhost"))
                .isEqualTo("Warcast cannot connect to the AMQP broker at 127.0.0.1:5672: virtual host [no-such-vhost]"
                        + " does not exist or user [guest] may not use it (amqpbroadcast.virtualhost)");
    }

    @Test
    void anUnknownHostIsNamed() {
        assertThat(lastErrorWith("amqpbroadcast.hostname=broker.invalid"))
                .isEqualTo("Warcast cannot connect to the AMQP broker at broker.invalid:5672: unknown host"
                        + " (amqpbroadcast.hostname)");
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(lastErrorWith("amqpbroadcast.uri=amqp://guest:secret@127.0.0.1:" + port + "/%2F"))
                .isEqualTo("Warcast cannot connect to the AMQP broker at 127.0.0.1:" + port
                        + ": unreachable (Connection refused)");
    }

    @ParameterizedTest(name = "reset: {0}")
    @ValueSource(booleans = {false, true})
    void aPeerThatClosesAtOnceIsNamed(boolean reset) throws Exception {
        try (ClosingPeer peer = new ClosingPeer(reset)) {
            assertThat(lastErrorWith("amqpbroadcast.hostname=127.0.0.1:" + peer.port()))
                    .as("a peer that %s", reset ? "resets the connection" : "closes: the client reads the end")
                    .isEqualTo(closedDuringAmqpHandshake(peer.port()));
        }
    }

    private static String closedDuringAmqpHandshake(int port) {
        return "Warcast cannot connect to the AMQP broker at 127.0.0.1:" + port + ": the broker closed the connection"
                + " during the AMQP handshake (is it an AMQP 0-9-1 port, or a proxy with no broker behind it? AMQP"
                + " listens on 5672, 5671 with TLS; amqpbroadcast.port)";
    }

    @Test
    void aPeerThatClosesAtOnceDuringTlsIsNamed() throws Exception {
        try (ClosingPeer peer = new ClosingPeer(false)) {
            assertThat(lastErrorWith("amqpbroadcast.hostname=127.0.0.1:" + peer.port(), "amqpbroadcast.ssl=true"))
                    .isEqualTo("Warcast cannot connect to the AMQP broker at 127.0.0.1:" + peer.port()
                            + ": the broker closed the connection during the TLS handshake (is it an AMQP 0-9-1 port"
                            + " with TLS, or a proxy with no broker behind it? AMQP listens on 5672, 5671 with TLS;"
                            + " amqpbroadcast.port)");
        }
    }

    @Test
    void anHttpPortIsNotAnAmqpBroker() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.start();
        try {
            int port = http.getAddress().getPort();
            assertThat(lastErrorWith("amqpbroadcast.hostname=127.0.0.1:" + port))
                    .isEqualTo("Warcast cannot connect to the AMQP broker at 127.0.0.1:" + port
                            + ": no AMQP 0-9-1 answer within amqpbroadcast.handshaketimeout=3000 ms (is it another"
                            + " service, such as an HTTP port? AMQP listens on 5672, 5671 with TLS;"
                            + " amqpbroadcast.port)");
        } finally {
            http.stop(0);
        }
    }

    /** A loopback port that accepts each connection and closes it at once, as a proxy with no backend does. */
    private static final class ClosingPeer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread acceptor;

        /** @param reset closes with a reset (SO_LINGER 0) rather than an orderly close */
        ClosingPeer(boolean reset) throws IOException {
            acceptor = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try (Socket accepted = socket.accept()) {
                                if (reset) {
                                    accepted.setSoLinger(true, 0);
                                }
                            } catch (IOException e) {
                                return; // closed by close()
                            }
                        }
                    },
                    "closing-peer");
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                acceptor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
