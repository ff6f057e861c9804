package io.warcast.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.warcast.harness.CatalinaBase;
import io.warcast.harness.FreePorts;
import io.warcast.harness.ManagerClient;
import io.warcast.harness.SampleClient;
import io.warcast.harness.TomcatProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The demo: a real Tomcat with the Warcast bundle unzipped over its base, the sample deployed as {@code ROOT##001}
 * and {@code ROOT##002} side by side, a change made through one version and heard by the other. No broker.
 */
public final class Demo {

    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(30);

    private final Narrator say = new Narrator();

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "Expected: catalinaHome bundleDirectory sampleWar workDirectory holdSeconds; run it with"
                            + " mvn -Pdemo -DskipTests verify");
        }
        new Demo()
                .run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
    }

    private void run(Path home, Path bundle, Path sampleWar, Path work, int holdSeconds) throws Exception {
        say.step("Making CATALINA_BASE " + work + " from " + home.getFileName()
                + " with the Warcast bundle unzipped over it");
        CatalinaBase base = CatalinaBase.create(home, bundle, work, "node-a", FreePorts.pick());
        say.detail("no amqpbroadcast.hostname in conf/warcast.properties: Warcast runs local-only");

        say.step("Starting Tomcat on " + base.uri());
        try (TomcatProcess tomcat = TomcatProcess.start(base, Duration.ofSeconds(120), List.of())) {
            ManagerClient manager = new ManagerClient(base);
            say.detail(manager.serverInfo()
                    .lines()
                    .filter(l -> l.startsWith("Tomcat Version"))
                    .findFirst()
                    .orElse(""));
            localOnlyLine(base).ifPresent(line -> say.detail("Tomcat's log: " + line));

            say.step("Deploying the sample as ROOT##001 through the manager (path=/&version=001)");
            manager.deploy("/", "001", sampleWar);
            SampleClient alice = new SampleClient(base.uri());
            say.detail("Alice opens the site and gets a session in " + describe(alice.info()));

            say.step("Deploying ROOT##002 beside it (path=/&version=002): the upgrade");
            manager.deploy("/", "002", sampleWar);
            SampleClient bob = new SampleClient(base.uri());
            say.detail("Bob, a new visitor, lands on " + describe(bob.info()));
            say.detail("Alice, thanks to her session, stays on " + describe(alice.info()));

            say.step(
                    "Bob changes item 1 in version 002: PUT /api/items/1 {\"name\":\"Kettle, new model\",\"stock\":41}");
            say.detail("Alice's version 001 had: " + alice.item(1));
            bob.putItem(1, "Kettle, new model", 41);
            JsonNode heard = awaitHeard(alice, 1);
            say.detail("001 heard it: " + heard);
            say.detail("Alice's version 001 now has: " + alice.item(1));

            say.step("Alice changes item 2 in version 001; version 002 hears it");
            alice.putItem(2, "Teapot, old stock", 3);
            say.detail("002 heard it: " + awaitHeard(bob, 2));
            say.detail("002's own change is not in its /api/heard: "
                    + bob.heard().stream()
                            .noneMatch(change -> change.path("version").asText().equals("002")));

            if (holdSeconds > 0) {
                say.step("Tomcat stays up for " + holdSeconds + " s: open " + base.uri() + " in a browser");
                Thread.sleep(holdSeconds * 1000L);
            }
            say.step("Stopping Tomcat");
        }
        say.step("Done: both versions kept their caches right with no broker. Logs: "
                + base.base().resolve("logs"));
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

    private static String describe(JsonNode info) {
        return "server " + info.path("server").asText() + ", version "
                + info.path("version").asText();
    }

    private static Optional<String> localOnlyLine(CatalinaBase base) throws IOException {
        if (!Files.exists(base.catalinaLog())) {
            return Optional.empty();
        }
        return Files.readAllLines(base.catalinaLog()).stream()
                .filter(line -> line.contains("local-only"))
                .findFirst();
    }
}
