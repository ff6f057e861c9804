package io.warcast.it.lb;

import io.warcast.harness.ForegroundServer;
import io.warcast.harness.FreePorts;
import io.warcast.harness.TomcatNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the load-balancer configurations shipped in the Warcast bundle ({@code conf/lb/}) as they are, changing only
 * the addresses: the Tomcats at {@code 127.0.0.1:8081} and {@code :8082} become the test's, the listening port
 * {@code 8080} a free loopback port.
 */
enum LoadBalancerConfig {
    HAPROXY("haproxy.cfg", "    bind 127.0.0.1:8080", "    bind 127.0.0.1:%d"),
    NGINX("nginx.conf", "        listen 127.0.0.1:8080;", "        listen 127.0.0.1:%d;");

    private static final Pattern HAPROXY_INTER =
            Pattern.compile("(?m)^\\s*server node-a .*\\bcheck\\b.*\\binter (\\d+)(ms|s)\\b");

    private final String file;
    private final String listen;
    private final String testListen;

    LoadBalancerConfig(String file, String listen, String testListen) {
        this.file = file;
        this.listen = listen;
        this.testListen = testListen;
    }

    /** The file as shipped in the bundle. */
    String shipped(Path bundle) {
        try {
            return Files.readString(bundle.resolve("conf/lb").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("The bundle has no conf/lb/" + file, e);
        }
    }

    /**
     * How often the shipped configuration checks the health of node-a: HAProxy's {@code inter}; zero for nginx,
     * which (open source) has no active health checks and drains through the 503s of a server in maintenance.
     */
    Duration healthCheckInterval(Path bundle) {
        if (this == NGINX) {
            return Duration.ZERO;
        }
        Matcher inter = HAPROXY_INTER.matcher(shipped(bundle));
        if (!inter.find()) {
            throw new IllegalStateException("conf/lb/" + file + " has no [server node-a ... check inter <n>s] line");
        }
        long amount = Long.parseLong(inter.group(1));
        return inter.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    }

    /** Starts the load balancer in front of {@code a} and {@code b}; returns it and its port. */
    Running start(Path bundle, TomcatNode a, TomcatNode b, Path work) {
        int port = FreePorts.pick();
        String configuration = replaceOnce(shipped(bundle), listen, String.format(testListen, port))
                .replace("127.0.0.1:8081", "127.0.0.1:" + a.base().httpPort())
                .replace("127.0.0.1:8082", "127.0.0.1:" + b.base().httpPort());
        Path directory = work.resolve(name().toLowerCase());
        try {
            Files.createDirectories(directory.resolve("logs"));
            Path file = Files.writeString(directory.resolve(this.file), configuration);
            ForegroundServer server = this == HAPROXY
                    ? ForegroundServer.haproxy(file, List.of(port))
                    : ForegroundServer.nginx(directory, file, List.of(port));
            return new Running(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration of " + this, e);
        }
    }

    private String replaceOnce(String text, String target, String replacement) {
        if (!text.contains(target)) {
            throw new IllegalStateException("conf/lb/" + file + " no longer contains [" + target.strip() + "]");
        }
        return text.replace(target, replacement);
    }

    record Running(ForegroundServer server, int port) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}
