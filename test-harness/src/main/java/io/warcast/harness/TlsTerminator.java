package io.warcast.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * HAProxy terminating TLS in front of a broker on loopback, with a certificate from {@link TestCertificates}: an
 * AMQPS endpoint for TLS tests without touching the broker's own configuration.
 */
public final class TlsTerminator implements AutoCloseable {

    private final ForegroundServer haproxy;
    private final int port;

    private TlsTerminator(ForegroundServer haproxy, int port) {
        this.haproxy = haproxy;
        this.port = port;
    }

    public static TlsTerminator start(TestCertificates certificates, BrokerEndpoint broker, Path workDirectory) {
        int port = FreePorts.pick();
        Path configuration = workDirectory.resolve("haproxy-tls.cfg");
        Files2.write(
                configuration,
                String.join(
                        "\n",
                        "global",
                        "    maxconn 256",
                        "defaults",
                        "    mode tcp",
                        "    timeout connect 5s",
                        "    timeout client 1h",
                        "    timeout server 1h",
                        "frontend amqps",
                        "    bind 127.0.0.1:" + port + " ssl crt " + certificates.serverPem(),
                        "    default_backend broker",
                        "backend broker",
                        "    server broker " + broker.host() + ":" + broker.port(),
                        ""));
        return new TlsTerminator(ForegroundServer.haproxy(configuration, List.of(port)), port);
    }

    /** The AMQPS port on 127.0.0.1. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        haproxy.close();
    }
}
