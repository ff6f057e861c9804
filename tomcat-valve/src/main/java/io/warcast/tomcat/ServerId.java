package io.warcast.tomcat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.catalina.Engine;
import org.apache.catalina.Host;

/**
 * The name the valve gives its server in the health and maintenance answers ({@code "server"}): the Engine's
 * {@code jvmRoute}, else the machine's host name, which is the rule the broadcaster follows when
 * {@code amqpbroadcast.serverid} is not set. Never {@code null} nor blank.
 */
final class ServerId {

    private ServerId() {}

    static String of(Host host) {
        if (host.getParent() instanceof Engine engine
                && engine.getJvmRoute() != null
                && !engine.getJvmRoute().isBlank()) {
            return engine.getJvmRoute().strip();
        }
        return localHostName();
    }

    /** The machine's host name, else {@code localhost}. */
    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
