package io.warcast.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;

/**
 * Runs Apache Qpid Broker-J in memory on a loopback port, speaking AMQP 0-9-1 with the user guest/guest, until
 * the process is told to stop (a signal, or its standard input closing, which happens when the process that
 * started it dies). Prints {@value #READY} and the port once it accepts connections.
 *
 * <p>Arguments: port, work directory.
 */
public final class EmbeddedBrokerMain {

    public static final String READY = "WARCAST-EMBEDDED-BROKER-READY ";

    private EmbeddedBrokerMain() {}

    private static boolean amqpPortActive(SystemConfig<?> systemConfig) {
        return systemConfig != null
                && systemConfig.getContainer() instanceof Broker<?> broker
                && broker.getState() == State.ACTIVE
                && broker.getChildren(Port.class).stream().allMatch(port -> port.getState() == State.ACTIVE);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: EmbeddedBrokerMain <port> <work directory>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path workDirectory = Files.createDirectories(Path.of(args[1]));
        System.setProperty("qpid.amqp_port", Integer.toString(port));
        System.setProperty("qpid.work_dir", workDirectory.toString());

        URL configuration = EmbeddedBrokerMain.class.getResource("broker-config.json");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", configuration.toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);

        AtomicReference<SystemConfig<?>> systemConfig = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> resolved) {
                systemConfig.set(resolved);
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.shutdown();
            stopped.countDown();
        }));
        launcher.startup(attributes);
        if (!amqpPortActive(systemConfig.get()) || !accepts(port)) {
            System.err.println("The embedded broker did not open 127.0.0.1:" + port + "; see the lines above");
            launcher.shutdown();
            System.exit(1);
        }
        System.out.println(READY + port);
        System.out.flush();

        Thread stdinWatcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing to read: the parent keeps the pipe open while it wants the broker
                }
            } catch (IOException e) {
                // the parent is gone
            }
            System.exit(0);
        });
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();
        stopped.await();
    }
}
