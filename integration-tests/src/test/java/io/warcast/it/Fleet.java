package io.warcast.it;

import io.warcast.harness.BrokerAdmin;
import io.warcast.harness.BrokerEndpoint;
import io.warcast.harness.FreezingTcpProxy;
import io.warcast.harness.SampleClient;
import io.warcast.harness.TomcatNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Two real Tomcats, A and B, each with the sample as ROOT##001 and ROOT##002, broadcasting through a broker on
 * an exchange of their own. A reaches the broker through a {@link FreezingTcpProxy}, which passes everything until a
 * test freezes it.
 */
final class Fleet implements AutoCloseable {

    static final String A = "node-a";
    static final String B = "node-b";
    /** The item ids Fleet uses for itself, far from the tests' own. */
    static final long FIRST_MARKER_ID = 900_000_000;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, SampleClient> clients = new LinkedHashMap<>();
    private final Map<String, TomcatNode> nodes = new LinkedHashMap<>();
    private final FreezingTcpProxy proxyOfA;

    private Fleet(BrokerEndpoint broker, Path work) {
        String exchange = "warcast-it-" + UUID.randomUUID();
        // Closed last: once both Tomcats stopped, delete what they declared on the broker.
        resources.add(() -> new BrokerAdmin(broker.host(), broker.port())
                .delete(List.of("warcast." + A, "warcast." + B), List.of(exchange)));
        proxyOfA = FreezingTcpProxy.start(broker.host(), broker.port());
        resources.add(0, proxyOfA);
        start(A, settings(broker.host(), proxyOfA.port(), exchange), work);
        start(B, settings(broker.host(), broker.port(), exchange), work);
        awaitEachHearsTheOtherServer();
    }

    /**
     * A Tomcat may deploy the sample before its broker connection is up: its queue is bound to the exchange only
     * once it is. Each server's ##002 sends a marker (ids from {@value #FIRST_MARKER_ID}), and every participant of
     * the other server must hear it: then each server's queue is bound, and what is published reaches it.
     */
    private void awaitEachHearsTheOtherServer() {
        long marker = FIRST_MARKER_ID;
        for (String sender : nodes.keySet()) {
            long id = marker++;
            client(sender, "002").putItem(id, "fleet marker", 1);
            clients.forEach((participant, receiver) -> {
                if (!participant.startsWith(sender + "##")) {
                    Awaitility.await(participant + " hears the marker of " + sender)
                            .atMost(Duration.ofMinutes(1))
                            .until(() -> Heard.contains(receiver.heard(), id));
                }
            });
        }
    }

    static Fleet start(BrokerEndpoint broker, Path work) {
        return new Fleet(broker, work);
    }

    private void start(String route, String warcastProperties, Path work) {
        TomcatNode node = TomcatNode.start(
                Path.of(System.getProperty("warcast.it.tomcat.home")),
                Path.of(System.getProperty("warcast.it.bundle")),
                work,
                route,
                warcastProperties);
        resources.add(0, node);
        nodes.put(route, node);
        for (String version : List.of("001", "002")) {
            clients.put(route + "##" + version, node.deploySample(version, TomcatUnderTest.sampleWar()));
        }
    }

    private static String settings(String host, int port, String exchange) {
        return "amqpbroadcast.hostname=" + host + "\n"
                + "amqpbroadcast.port=" + port + "\n"
                + "amqpbroadcast.exchange=" + exchange + "\n"
                // Short, so that a silent network cut is noticed within seconds.
                + "amqpbroadcast.heartbeat=2\n"
                // More than a test stream sends in all (ChangeStream's limit): a broker restart on a loaded machine
                // can keep a server away for a minute, and a full outbox drops changes (with a flush) by design.
                + "amqpbroadcast.outboxsize=100000\n";
    }

    /** A client with a session in {@code route##version}, e.g. {@code client(A, "002")}. */
    SampleClient client(String route, String version) {
        return clients.get(route + "##" + version);
    }

    /** Every participant, as {@code route##version}. */
    List<String> participants() {
        return List.copyOf(clients.keySet());
    }

    TomcatNode node(String route) {
        return nodes.get(route);
    }

    FreezingTcpProxy proxyOfA() {
        return proxyOfA;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }
}
