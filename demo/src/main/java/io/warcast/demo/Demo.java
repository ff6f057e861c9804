package io.warcast.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.warcast.harness.AmqpProbe;
import io.warcast.harness.BrokerEndpoint;
import io.warcast.harness.EmbeddedBroker;
import io.warcast.harness.SampleClient;
import io.warcast.harness.TomcatNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo: two real Tomcats, A and B, with the Warcast bundle unzipped over their bases and the sample deployed on
 * each as {@code ROOT##001} and then {@code ROOT##002} side by side. A change made through one version is heard by
 * the three others: in the same JVM directly, on the other server through the broker.
 */
public final class Demo {

    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(30);
    private static final String EXCHANGE = "warcast-demo";

    private final Narrator say = new Narrator();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("Expected: catalinaHome bundleDirectory sampleWar workDirectory"
                    + " embeddedBrokerJar holdSeconds; run it with mvn -Pdemo verify");
        }
        Demo demo = new Demo();
        try {
            demo.run(
                    Path.of(args[0]),
                    Path.of(args[1]),
                    Path.of(args[2]),
                    Path.of(args[3]),
                    Path.of(args[4]),
                    Integer.parseInt(args[5]));
        } finally {
            demo.closeAll();
        }
    }

    private void run(Path home, Path bundle, Path sampleWar, Path work, Path brokerJar, int holdSeconds)
            throws Exception {
        BrokerEndpoint broker = broker(work, brokerJar);
        String settings = "amqpbroadcast.hostname=" + broker.host() + "\namqpbroadcast.port=" + broker.port()
                + "\namqpbroadcast.exchange=" + EXCHANGE + "\n";

        say.step("Starting two Tomcats (" + home.getFileName() + ", Warcast bundle unzipped over each base)");
        TomcatNode a = node(home, bundle, work, "node-a", settings);
        TomcatNode b = node(home, bundle, work, "node-b", settings);

        say.step("Deploying the sample as ROOT##001 on both, through the manager (path=/&version=001)");
        SampleClient alice = a.deploySample("001", sampleWar);
        SampleClient carol = b.deploySample("001", sampleWar);
        say.detail("Alice has a session on " + describe(alice) + ", Carol on " + describe(carol));

        say.step("Upgrading: ROOT##002 deployed beside ##001 on both servers");
        SampleClient bob = a.deploySample("002", sampleWar);
        SampleClient dave = b.deploySample("002", sampleWar);
        say.detail("New visitors land on the new version: Bob on " + describe(bob) + ", Dave on " + describe(dave));
        say.detail("Alice and Carol keep their sessions on " + describe(alice) + " and " + describe(carol));

        say.step("Bob changes item 1 on node-a ##002: PUT /api/items/1 {\"name\":\"Kettle, new model\",\"stock\":41}");
        bob.putItem(1, "Kettle, new model", 41);
        reportHeard(1, List.of(alice, carol, dave));

        say.step("Dave changes item 2 on node-b ##002; the three others hear it");
        dave.putItem(2, "Teapot, old stock", 3);
        reportHeard(2, List.of(alice, bob, carol));
        say.detail("Nobody hears their own change: Bob's /api/heard holds " + ownChanges(bob) + " of his, Dave's "
                + ownChanges(dave) + " of his");

        if (holdSeconds > 0) {
            say.step("The Tomcats stay up for " + holdSeconds + " s: open "
                    + a.base().uri() + " and " + b.base().uri() + " in a browser");
            Thread.sleep(holdSeconds * 1000L);
        }
        say.step("Stopping both Tomcats" + (toClose.size() > 2 ? " and the embedded broker" : ""));
    }

    private BrokerEndpoint broker(Path work, Path brokerJar) {
        String configured = System.getProperty("warcast.demo.broker", "");
        if (!configured.isBlank()) {
            String[] hostPort = configured.split(":");
            BrokerEndpoint broker = new BrokerEndpoint(
                    hostPort[0],
                    hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 5672,
                    BrokerEndpoint.Kind.RABBITMQ);
            say.step("Broker: " + configured + " (-Dwarcast.demo.broker)");
            return broker;
        }
        if (AmqpProbe.answers("127.0.0.1", 5672)) {
            say.step("Broker: RabbitMQ answers at 127.0.0.1:5672, the demo uses it");
            return new BrokerEndpoint("127.0.0.1", 5672, BrokerEndpoint.Kind.RABBITMQ);
        }
        say.step("Broker: no RabbitMQ at 127.0.0.1:5672, starting the embedded Apache Qpid Broker-J in its own JVM");
        EmbeddedBroker embedded = EmbeddedBroker.start(brokerJar, work.resolve("broker"), Duration.ofSeconds(90));
        toClose.add(embedded);
        say.detail("listening on " + embedded.endpoint().describe());
        return embedded.endpoint();
    }

    private TomcatNode node(Path home, Path bundle, Path work, String route, String settings) {
        TomcatNode node = TomcatNode.start(home, bundle, work, route, settings);
        toClose.add(0, node);
        say.detail(route + " on " + node.base().uri() + " (jvmRoute " + route + "), base "
                + node.base().base());
        return node;
    }

    private void reportHeard(long itemId, List<SampleClient> receivers) throws InterruptedException {
        for (SampleClient receiver : receivers) {
            JsonNode heard = awaitHeard(receiver, itemId);
            say.detail(describe(receiver) + " heard it from "
                    + heard.path("server").asText() + " ##"
                    + heard.path("version").asText() + " and now has " + receiver.item(itemId));
        }
    }

    private static JsonNode awaitHeard(SampleClient client, long itemId) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> change = client.heard().stream()
                    .filter(entry -> entry.path("keys").path(0).path("id").asLong() == itemId)
                    .findFirst();
            if (change.isPresent()) {
                return change.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The change of item " + itemId + " was not heard within " + DELIVERY_LIMIT);
    }

    private static long ownChanges(SampleClient client) {
        JsonNode self = client.info();
        return client.heard().stream()
                .filter(change -> change.path("server")
                        .asText()
                        .equals(self.path("server").asText()))
                .filter(change -> change.path("version")
                        .asText()
                        .equals(self.path("version").asText()))
                .count();
    }

    private static String describe(SampleClient client) {
        JsonNode info = client.info();
        return info.path("server").asText() + " ##" + info.path("version").asText();
    }

    private void closeAll() {
        for (AutoCloseable closeable : toClose) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("[warcast-demo] while stopping: " + e);
            }
        }
        say.step("Done. Logs are under each server's base, in logs/catalina.<date>.log");
    }
}
