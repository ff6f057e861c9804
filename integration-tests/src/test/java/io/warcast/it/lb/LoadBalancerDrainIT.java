package io.warcast.it.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warcast.harness.SampleClient;
import io.warcast.harness.TomcatNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The upgrade of server A behind a real HAProxy and a real nginx, with the very configurations the bundle ships:
 * A goes into maintenance; new visitors, GET and POST, are all served by B and none sees a 503; users who have a
 * session on A keep working on A.
 */
class LoadBalancerDrainIT {

    private static final int USERS_ON_A = 50;
    private static final int NEW_VISITORS = 200;
    private static final String A = TwoTomcats.A;
    private static final String B = TwoTomcats.B;
    private static final Path BUNDLE = TwoTomcats.BUNDLE;

    @RegisterExtension
    static final TwoTomcats TOMCATS = new TwoTomcats("lb", node -> {});

    @ParameterizedTest
    @EnumSource(LoadBalancerConfig.class)
    void aServerInMaintenanceIsDrainedWithoutAnyVisitorSeeingA503(LoadBalancerConfig config) throws Exception {
        try (LoadBalancerConfig.Running lb = config.start(BUNDLE, a(), TOMCATS.b(), TOMCATS.work())) {
            URI site = URI.create("http://127.0.0.1:" + lb.port() + "/");
            List<SampleClient> usersOnA = usersWithASessionOn(A, site);

            switchMaintenanceOfA(true);
            try {
                if (config == LoadBalancerConfig.HAPROXY) {
                    await("HAProxy's health check gets 404 from A and drains it (http-check disable-on-404)")
                            .atMost(Duration.ofSeconds(30))
                            .until(() -> lb.server().output().contains("Server tomcats/node-a is stopping"));
                }
                long rejectedByABefore = rejectedByA();
                Map<String, Integer> newVisitors = new TreeMap<>();
                for (int i = 0; i < NEW_VISITORS; i++) {
                    SampleClient visitor = new SampleClient(site);
                    HttpResponse<String> response = i % 2 == 0 ? visitor.get("api/info") : visitor.restock(1, 1);
                    newVisitors.merge(
                            (i % 2 == 0 ? "GET " : "POST ") + response.statusCode() + " from " + visitor.sessionRoute(),
                            1,
                            Integer::sum);
                }
                System.out.printf("%s, A in maintenance, %d new visitors: %s%n", config, NEW_VISITORS, newVisitors);
                assertThat(newVisitors)
                        .as("every new visitor, GET or POST, is served by B with 200")
                        .isEqualTo(
                                Map.of("GET 200 from " + B, NEW_VISITORS / 2, "POST 200 from " + B, NEW_VISITORS / 2));
                long rejectedByA = rejectedByA() - rejectedByABefore;
                System.out.printf(
                        "%s: A answered %d of them 503 before the load balancer sent them to B%n", config, rejectedByA);
                if (config == LoadBalancerConfig.HAPROXY) {
                    assertThat(rejectedByA)
                            .as("a drained server gets no new visitors from HAProxy at all")
                            .isZero();
                }

                Map<String, Integer> sessionsOnA = new TreeMap<>();
                for (SampleClient user : usersOnA) {
                    HttpResponse<String> info = user.get("api/info");
                    HttpResponse<String> restock = user.restock(2, 1);
                    sessionsOnA.merge(
                            info.statusCode() + "/" + restock.statusCode() + " from "
                                    + user.info().path("server").asText(),
                            1,
                            Integer::sum);
                }
                System.out.printf(
                        "%s, A in maintenance, %d users with a session on A: %s%n", config, USERS_ON_A, sessionsOnA);
                assertThat(sessionsOnA)
                        .as("users with a session on A keep working on A, GET and POST")
                        .isEqualTo(Map.of("200/200 from " + A, USERS_ON_A));
            } finally {
                switchMaintenanceOfA(false);
            }
        }
    }

    private static java.util.stream.Stream<String> accessLogOfA() throws IOException {
        return Files.readAllLines(a().base().base().resolve("logs/access." + java.time.LocalDate.now() + ".log"))
                .stream();
    }

    private static long rejectedByA() throws IOException {
        return accessLogOfA()
                .filter(line -> line.contains("/api/") && line.contains("\" 503 "))
                .count();
    }

    private static List<SampleClient> usersWithASessionOn(String route, URI site) {
        List<SampleClient> users = new ArrayList<>();
        for (int attempt = 0; users.size() < USERS_ON_A && attempt < USERS_ON_A * 8; attempt++) {
            SampleClient client = new SampleClient(site);
            if (client.info().path("server").asText().equals(route)) {
                users.add(client);
            }
        }
        assertThat(users)
                .as("the load balancer spreads new visitors over both Tomcats")
                .hasSize(USERS_ON_A);
        return users;
    }

    private static void switchMaintenanceOfA(boolean on) throws IOException {
        MaintenanceFlag.switchMaintenance(a(), on);
    }

    private static TomcatNode a() {
        return TOMCATS.a();
    }
}
