package io.warcast.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class FreezingTcpProxyTest {

    @Test
    void passesBytesHoldsThemWhileFrozenAndReleasesThemWhenHealed() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                FreezingTcpProxy proxy = FreezingTcpProxy.start("127.0.0.1", echo.getLocalPort())) {
            Thread echoer = new Thread(() -> echoOnce(echo));
            echoer.setDaemon(true);
            echoer.start();
            try (Socket client = new Socket("127.0.0.1", proxy.port())) {
                client.setSoTimeout(5_000);
                OutputStream out = client.getOutputStream();
                InputStream in = client.getInputStream();

                out.write('a');
                assertThat(in.read()).as("bytes flow through the proxy").isEqualTo('a');

                proxy.freeze();
                out.write('b');
                client.setSoTimeout(1_000);
                assertThatThrownBy(in::read)
                        .as("nothing comes back while frozen, and the connection stays open")
                        .isInstanceOf(SocketTimeoutException.class);

                proxy.heal();
                client.setSoTimeout(5_000);
                assertThat(in.read()).as("the held byte arrives after healing").isEqualTo('b');
            }
        }
    }

    @Test
    void refusesTargetsOffThisMachine() {
        assertThatThrownBy(() -> FreezingTcpProxy.start("192.0.2.1", 5672))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback only");
    }

    private static void echoOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.getInputStream().transferTo(socket.getOutputStream());
        } catch (IOException e) {
            // the test closed it
        }
    }
}
