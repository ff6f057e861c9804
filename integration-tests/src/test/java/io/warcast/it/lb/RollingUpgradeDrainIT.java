package io.warcast.it.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warcast.harness.SampleClient;
import io.warcast.harness.TomcatNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rolling upgrade of server A behind the shipped HAProxy and nginx configurations, told as the operator and the
 * users see it: twenty users work through the load balancer, some of them on A; A goes into maintenance by its flag
 * file; its users keep working a little and then leave one by one, as real users do, while new users keep arriving
 * and land on B. A's health must reach DRAINED with nobody seeing an error or losing a session; the test prints how
 * long after the last user left that took, beside the bound the project promises (drainIdleSeconds + one health
 * check interval). Then A is drained for good — its sessions expired, then A stopped — and users whose cookie still
 * points at A come back: the load balancer must serve them from B without an error.
 */
class RollingUpgradeDrainIT {

    private static final int USERS = 20;
    private static final int DRAIN_IDLE_SECONDS = 5;
    // Steps every user on A still takes in maintenance before the first of them leaves; then one leaves per round.
    private static final int STEPS_BEFORE_LEAVING = 3;
    private static final Duration HEALTH_POLL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = TwoTomcats.A;
    private static final String B = TwoTomcats.B;
    private static final Path BUNDLE = TwoTomcats.BUNDLE;

    @RegisterExtension
    static final TwoTomcats TOMCATS = new TwoTomcats("lb-rolling", RollingUpgradeDrainIT::configureDrainIdle);

    @ParameterizedTest
    @EnumSource(LoadBalancerConfig.class)
    void aServerDrainsOnceItsUsersHaveLeftAndNobodySeesAnError(LoadBalancerConfig config) throws Exception {
        assertThat(health(a()).path("drainIdleSeconds").asInt())
                .as("A's valve runs with the drainIdleSeconds set in its server.xml")
                .isEqualTo(DRAIN_IDLE_SECONDS);
        try (LoadBalancerConfig.Running lb = config.start(BUNDLE, a(), TOMCATS.b(), TOMCATS.work())) {
            Crowd crowd = new Crowd(URI.create("http://127.0.0.1:" + lb.port() + "/"));
            for (int i = 0; i < USERS; i++) {
                crowd.arrive("user-" + i);
            }
            List<DrainUser> onA = crowd.startedOn(A);
            List<DrainUser> onB = crowd.startedOn(B);
            assertThat(onA).as("the load balancer put some of the users on A").isNotEmpty();
            assertThat(onB).as("the load balancer put some of the users on B").isNotEmpty();

            MaintenanceFlag.touch(a());
            try {
                keepWorkingUntilAIsOutOfRotation(config, lb, crowd);
                Map<String, Integer> newcomers = new TreeMap<>();
                long lastLeftNanos = usersOnALeaveOneByOne(crowd, onA, onB, newcomers);
                JsonNode atLastLeave = health(a());

                Duration interval = healthCheckedEvery(config);
                Duration bound = Duration.ofSeconds(DRAIN_IDLE_SECONDS).plus(interval);
                Drained drained = awaitDrained(bound.plusSeconds(60));
                Duration took = Duration.ofNanos(drained.answeredNanos() - lastLeftNanos);
                Duration asked = Duration.ofNanos(drained.askedNanos() - lastLeftNanos);
                System.out.printf(
                        "DRAIN %s on Tomcat %s: A DRAINED %.3f s after the last of its %d users left (asked at %.3f s); bound %d s"
                                + " drainIdleSeconds + %.1f s health-check interval = %.1f s: %s; %d requests, %d"
                                + " errors; when the last left A had active=%d idle=%d, at DRAINED active=%d idle=%d;"
                                + " new users during the drain: %s%n",
                        config,
                        System.getProperty("warcast.it.tomcat.version"),
                        took.toMillis() / 1000.0,
                        onA.size(),
                        asked.toMillis() / 1000.0,
                        DRAIN_IDLE_SECONDS,
                        interval.toMillis() / 1000.0,
                        bound.toMillis() / 1000.0,
                        took.compareTo(bound) <= 0 ? "within the bound" : "OVER THE BOUND",
                        crowd.requests(),
                        crowd.errors().size(),
                        atLastLeave.path("activeSessions").asInt(),
                        atLastLeave.path("idleSessions").asInt(),
                        drained.health().path("activeSessions").asInt(),
                        drained.health().path("idleSessions").asInt(),
                        newcomers);
                assertThat(crowd.errors())
                        .as("no user saw an error or lost the session, in maintenance and while leaving")
                        .isEmpty();
                assertThat(newcomers)
                        .as("the load balancer took A out of rotation: every new user landed on B")
                        .containsOnlyKeys("200/200 from " + B);
                assertThat(drained.health().path("idleSessions").asInt())
                        .as("the sessions of the users who left stay valid on A, only idle: " + drained.health())
                        .isGreaterThanOrEqualTo(onA.size());

                comingBackToADrainedServer(onA, crowd);
                assertThat(crowd.errors())
                        .as("users whose cookie points at a drained A are served by B")
                        .isEmpty();
            } finally {
                bringABack();
            }
        }
    }

    /**
     * The users on A keep working for a few rounds in maintenance, then one of them leaves (stops sending requests)
     * after each round; the users on B keep working, and a new user arrives each round. Returns when the last user
     * on A got the answer to its last request.
     */
    private static long usersOnALeaveOneByOne(
            Crowd crowd, List<DrainUser> onA, List<DrainUser> onB, Map<String, Integer> newcomers) {
        Deque<DrainUser> stillOnA = new ArrayDeque<>(onA);
        long lastLeftNanos = 0;
        for (int round = 1; !stillOnA.isEmpty(); round++) {
            List<DrainUser> working = new ArrayList<>(stillOnA);
            working.addAll(onB);
            crowd.round(working);
            DrainUser.Step arrival = crowd.arrive("newcomer-" + round);
            newcomers.merge(
                    arrival.infoStatus() + "/" + arrival.restockStatus() + " from " + arrival.server(),
                    1,
                    Integer::sum);
            if (round >= STEPS_BEFORE_LEAVING) {
                lastLeftNanos = crowd.lastStep(stillOnA.removeFirst()).endNanos();
            }
        }
        return lastLeftNanos;
    }

    /** A's first health answer that said DRAINED, when the test asked for it and when the answer came. */
    private record Drained(JsonNode health, long askedNanos, long answeredNanos) {}

    private static Drained awaitDrained(Duration limit) {
        SampleClient probe = new SampleClient(a().base().uri());
        AtomicReference<Drained> last = new AtomicReference<>();
        await("A's health says DRAINED once its users have gone")
                .pollDelay(Duration.ZERO)
                .pollInterval(HEALTH_POLL)
                .atMost(limit)
                .until(() -> {
                    long asked = System.nanoTime();
                    JsonNode health = parseHealth(probe.get("warcast/health").body());
                    last.set(new Drained(health, asked, System.nanoTime()));
                    return last.get().health().path("state").asText().equals("DRAINED");
                });
        return last.get();
    }

    /**
     * How often A's health is looked at: HAProxy's check interval; for nginx, which has no active checks, this test's
     * own poll, the operator's watch of the health endpoint.
     */
    private static Duration healthCheckedEvery(LoadBalancerConfig config) {
        Duration interval = config.healthCheckInterval(BUNDLE);
        return interval.isZero() ? HEALTH_POLL : interval;
    }

    /**
     * Everybody keeps working while A's valve has not yet seen the flag file (it looks every backgroundProcessorDelay)
     * and, with HAProxy, until its health check has put A into NOLB.
     */
    private static void keepWorkingUntilAIsOutOfRotation(
            LoadBalancerConfig config, LoadBalancerConfig.Running lb, Crowd crowd) {
        List<DrainUser> everybody = new ArrayList<>(crowd.startedOn(A));
        everybody.addAll(crowd.startedOn(B));
        long deadline = System.nanoTime() + MaintenanceFlag.noticedWithin().toNanos();
        while (!MaintenanceFlag.inMaintenance(healthBody(a()))
                || (config == LoadBalancerConfig.HAPROXY
                        && !lb.server().output().contains("Server tomcats/node-a is stopping"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("A did not go into maintenance and out of rotation within "
                        + MaintenanceFlag.noticedWithin() + "; A's health: " + healthBody(a()));
            }
            crowd.round(everybody);
        }
    }

    /**
     * Users come back with a cookie that points at A after A was drained: first after the operator expired A's
     * sessions through the manager (A answers 503 and deletes the cookie), then after A was stopped.
     */
    private static void comingBackToADrainedServer(List<DrainUser> leftA, Crowd crowd) {
        String expired = a().manager().expireSessions("/", "001", 0);
        assertThat(expired).as("the manager expired A's sessions").startsWith("OK");
        cameBack(leftA.get(0), "after A's sessions were expired", crowd);

        a().tomcat().stop(Duration.ofSeconds(30));
        cameBack(leftA.get(leftA.size() - 1), "after A was stopped", crowd);
    }

    private static void cameBack(DrainUser user, String when, Crowd crowd) {
        String oldRoute = user.sessionRoute();
        DrainUser.Step back = user.step();
        DrainUser.Step next = user.step();
        System.out.printf(
                "DRAIN a user whose cookie pointed at %s came back %s: %s; then %s%n", oldRoute, when, back, next);
        for (DrainUser.Step step : List.of(back, next)) {
            if (!step.succeeded()
                    || !step.server().equals(B)
                    || !user.sessionRoute().equals(B)) {
                crowd.error(when + ", expected 200/200 from " + B + " with a session on it: " + step);
            }
        }
    }

    private static void bringABack() throws IOException {
        if (a().tomcat().isAlive()) {
            MaintenanceFlag.switchMaintenance(a(), false);
        } else {
            MaintenanceFlag.removeWhileStopped(a());
            a().restart();
        }
    }

    private static String healthBody(TomcatNode node) {
        return new SampleClient(node.base().uri()).get("warcast/health").body();
    }

    private static JsonNode health(TomcatNode node) {
        return parseHealth(healthBody(node));
    }

    private static JsonNode parseHealth(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("The health endpoint answered no JSON: " + body, e);
        }
    }

    /** Sets the valve's drainIdleSeconds in server.xml and restarts Tomcat, as an operator would. */
    private static void configureDrainIdle(TomcatNode node) throws IOException {
        node.tomcat().stop(Duration.ofSeconds(30));
        Path serverXml = node.base().base().resolve("conf/server.xml");
        String valve = "<Valve className=\"io.warcast.tomcat.MaintenanceValve\"";
        String configuration = Files.readString(serverXml);
        if (!configuration.contains(valve)) {
            throw new IllegalStateException(serverXml + " has no " + valve + "/>");
        }
        Files.writeString(
                serverXml, configuration.replace(valve, valve + " drainIdleSeconds=\"" + DRAIN_IDLE_SECONDS + "\""));
        node.restart();
    }

    private static TomcatNode a() {
        return TOMCATS.a();
    }
}
