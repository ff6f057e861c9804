package io.warcast.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Tells whether an AMQP 0-9-1 broker answers on a port, without logging in: it sends the protocol header only. */
public final class AmqpProbe {

    private static final byte[] PROTOCOL_HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
    private static final int METHOD_FRAME = 1;

    private AmqpProbe() {}

    /** True when something on {@code host:port} answers the AMQP 0-9-1 header with a method frame. */
    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            socket.setSoTimeout(3_000);
            socket.getOutputStream().write(PROTOCOL_HEADER);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return in.read() == METHOD_FRAME;
        } catch (IOException e) {
            return false;
        }
    }
}
