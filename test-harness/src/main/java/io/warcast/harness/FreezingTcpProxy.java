package io.warcast.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy that can freeze: while frozen it moves no byte in either direction and closes nothing, the
 * way a silently dropped network path behaves (no RST, no FIN; only heartbeats notice). Healing lets bytes flow
 * again. For fault tests against a broker on this machine only.
 */
public final class FreezingTcpProxy implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 64;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean frozen;
    private volatile boolean closed;

    private FreezingTcpProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** Starts a proxy on a free loopback port in front of {@code targetHost:targetPort} (a loopback address). */
    public static FreezingTcpProxy start(String targetHost, int targetPort) {
        InetSocketAddress target = new InetSocketAddress(targetHost, targetPort);
        if (!target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("Fault tests target loopback only, not " + target);
        }
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            FreezingTcpProxy proxy = new FreezingTcpProxy(listener, target);
            daemon("proxy-accept-" + listener.getLocalPort(), proxy::acceptLoop).start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a proxy port", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on no byte passes, in either direction, on existing or new connections. */
    public void freeze() {
        frozen = true;
    }

    /** Bytes flow again. */
    public void heal() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    public boolean isFrozen() {
        return frozen;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (sockets.size() >= MAX_CONNECTIONS * 2) {
                    client.close();
                    continue;
                }
                Socket server = new Socket();
                server.connect(target, 5_000);
                sockets.add(client);
                sockets.add(server);
                daemon("proxy-up-" + client.getPort(), () -> pump(client, server))
                        .start();
                daemon("proxy-down-" + client.getPort(), () -> pump(server, client))
                        .start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                awaitFlowing();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed or the proxy is closing: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void awaitFlowing() throws InterruptedException {
        synchronized (gate) {
            while (frozen && !closed) {
                gate.wait();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        heal();
        closeQuietly(listener);
        sockets.forEach(FreezingTcpProxy::closeQuietly);
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
