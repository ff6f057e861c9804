package io.warcast.tomcat;

import static io.warcast.tomcat.MaintenanceTomcat.BROWSER;
import static io.warcast.tomcat.MaintenanceTomcat.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.tomcat.util.json.JSONParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The valve on a real embedded Tomcat with two versions of ROOT, over real HTTP. */
class MaintenanceValveTest {

    private static final String HEALTH = "/warcast/health";

    @TempDir
    Path dir;

    private MaintenanceTomcat server;
    private LogCapture stateLog;

    @BeforeEach
    void setUp() {
        stateLog = new LogCapture(MaintenanceState.class);
        server = new MaintenanceTomcat(dir, "node-a");
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            server.close();
        } finally {
            stateLog.close();
        }
    }

    @Test
    void outsideMaintenanceEverythingPassesAndHealthIsUpWithSessionsPerVersion() throws Exception {
        server.deploy("", "001");
        server.start();
        server.login("");

        assertThat(server.get("/hello", null, JSON).statusCode()).isEqualTo(200);
        HttpResponse<String> health = server.get(HEALTH, null, null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(health.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(json(health.body()))
                .containsEntry("state", "UP")
                .containsEntry("server", "node-a")
                .containsEntry(
                        "sessions",
                        List.of(Map.of("context", "/", "version", "001", "active", 1, "idle", 0, "exempt", false)))
                .containsEntry("totalSessions", 1);
    }

    @Test
    void inMaintenanceARequestWithoutSessionGets503WithRetryAfterAndAJsonBody() throws Exception {
        server.deploy("", "001");
        server.start();
        server.state().enter();

        HttpResponse<String> response = server.get("/api/items", null, JSON);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(json(response.body()))
                .isEqualTo(Map.of("status", 503, "state", "MAINTENANCE", "server", "node-a", "retryAfterSeconds", 30));
        assertThat(response.body()).startsWith("{\"status\":503,\"state\":\"MAINTENANCE\"");
    }

    @Test
    void aBrowserGetsAShortHtmlPageNeverAnEmptyBody() throws Exception {
        server.deploy("", "001");
        server.start();
        server.state().enter();

        for (String accept : new String[] {BROWSER, null}) {
            HttpResponse<String> response = server.get("/", null, accept);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.headers().firstValue("Retry-After")).contains("30");
            assertThat(response.body())
                    .startsWith("<!DOCTYPE html>")
                    .contains("Down for maintenance", "try again in 30 seconds");
        }
    }

    @Test
    void aPostWithoutSessionAndABogusSessionIdAreRejected() throws Exception {
        server.deploy("", "001");
        server.start();
        server.state().enter();

        assertThat(server.post("/api/items", null, JSON).statusCode()).isEqualTo(503);
        assertThat(server.get("/api/items", "0123456789ABCDEF0123456789ABCDEF.node-a", JSON)
                        .statusCode())
                .as("an id no context knows")
                .isEqualTo(503);
    }

    @Test
    void anInvalidatedSessionNoLongerLetsItsClientIn() throws Exception {
        server.deploy("", "001");
        server.start();
        String session = server.login("");
        server.get("/logout", session, JSON);
        server.state().enter();

        assertThat(server.get("/api/items", session, JSON).statusCode()).isEqualTo(503);
    }

    @Test
    void aClientOfTheOldVersionKeepsWorkingOnItWhileTheNewVersionIsNewest() throws Exception {
        server.deploy("", "001");
        server.start();
        String on001 = server.login("");
        server.deploy("", "002");
        assertThat(server.get("/", null, JSON).body())
                .as("002 is the newest: a client without a session lands there")
                .startsWith("version=002");

        server.state().enter();

        HttpResponse<String> get = server.get("/api/items", on001, JSON);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("version=001 session=present method=GET");
        HttpResponse<String> post = server.post("/api/items", on001, JSON);
        assertThat(post.statusCode()).as("any method, with a session").isEqualTo(200);
        assertThat(post.body()).isEqualTo("version=001 session=present method=POST");
        assertThat(server.get("/api/items", null, JSON).statusCode()).isEqualTo(503);
    }

    @Test
    void exemptPathsPassWithoutSession() throws Exception {
        server.valve.setExemptPaths("/static/*, /status");
        server.deploy("", "001");
        server.start();
        server.state().enter();

        assertThat(server.get("/static/app.js", null, BROWSER).statusCode()).isEqualTo(200);
        assertThat(server.get("/status", null, BROWSER).statusCode()).isEqualTo(200);
        assertThat(server.get("/status/x", null, BROWSER).statusCode()).isEqualTo(503);
    }

    @Test
    void healthGoesFromUpToMaintenanceToDrainedAsTheLastSessionEnds() throws Exception {
        server.valve.setExemptPaths("/manager/*");
        server.deploy("", "001");
        server.deploy("/manager", "");
        server.start();
        String on001 = server.login("");
        server.login("/manager");
        server.deploy("", "002");
        String on002 = server.login("");
        assertThat(health().body()).contains("\"state\":\"UP\"");

        server.state().enter();
        HttpResponse<String> maintenance = health();
        assertThat(maintenance.statusCode())
                .as("MAINTENANCE answers 404 so HAProxy drains without marking the server DOWN")
                .isEqualTo(404);
        assertThat(json(maintenance.body()))
                .containsEntry("state", "MAINTENANCE")
                .containsEntry(
                        "sessions",
                        List.of(
                                Map.of("context", "/", "version", "001", "active", 1, "idle", 0, "exempt", false),
                                Map.of("context", "/", "version", "002", "active", 1, "idle", 0, "exempt", false),
                                Map.of("context", "/manager", "version", "", "active", 1, "idle", 0, "exempt", true)))
                .containsEntry("totalSessions", 2);

        server.get("/logout", on001, JSON);
        assertThat(json(health().body())).containsEntry("state", "MAINTENANCE").containsEntry("totalSessions", 1);
        server.get("/logout", on002, JSON);

        HttpResponse<String> drained = health();
        assertThat(drained.statusCode()).isEqualTo(404);
        assertThat(json(drained.body()))
                .as("the manager's own session does not keep the server from draining")
                .containsEntry("state", "DRAINED")
                .containsEntry("totalSessions", 0);
    }

    @Test
    void theFlagFileSwitchesMaintenanceOnAndOffThroughTheBackgroundProcess() throws Exception {
        server.deploy("", "001");
        server.start();
        Path flag = server.flagFile();

        Files.createFile(flag);
        await("touching the flag file switches maintenance on")
                .atMost(Duration.ofSeconds(20))
                .until(() -> server.get("/", null, JSON).statusCode() == 503);
        Files.delete(flag);
        await("removing it switches maintenance off")
                .atMost(Duration.ofSeconds(20))
                .until(() -> server.get("/", null, JSON).statusCode() == 200);

        assertThat(stateLog.messages(Level.INFO))
                .containsExactly(
                        "Maintenance mode ON, switched by [flag file " + flag + "]: requests without a valid session"
                                + " get the maintenance response",
                        "Maintenance mode OFF, switched by [flag file " + flag + "]");
    }

    @Test
    void jmxCanEndAMaintenanceTheFlagFileStartedUntilTheFileChangesAgain() throws Exception {
        server.deploy("", "001");
        server.start();
        Files.createFile(server.flagFile());
        server.valve.backgroundProcess();
        assertThat(server.state().isOn()).isTrue();

        ManagementFactory.getPlatformMBeanServer().invoke(server.valve.getObjectName(), "leave", null, null);
        server.valve.backgroundProcess();

        assertThat(server.state().isOn())
                .as("the file did not change, so JMX's switch stands")
                .isFalse();
    }

    @Test
    void maintenanceTrueInServerXmlStartsInMaintenanceAndOtherSettingsAreUsed() throws Exception {
        server.valve.setMaintenance("true");
        server.valve.setRetryAfterSeconds("120");
        server.valve.setMaintenanceStatus("429");
        server.valve.setHealthPath("/lb");
        server.valve.setHealthDrainStatus("200");
        server.deploy("", "001");
        server.start();

        HttpResponse<String> rejected = server.get("/", null, JSON);
        assertThat(rejected.statusCode()).isEqualTo(429);
        assertThat(rejected.headers().firstValue("Retry-After")).contains("120");
        assertThat(json(rejected.body())).containsEntry("status", 429).containsEntry("retryAfterSeconds", 120);
        HttpResponse<String> health = server.get("/lb", null, JSON);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health.body())).containsEntry("state", "DRAINED");
        assertThat(stateLog.messages(Level.INFO)).singleElement().asString().contains("switched by [server.xml]");
    }

    @Test
    void theClientThatCreatedASessionIsNotedAndTheInventoryShowsItMasked() throws Exception {
        server.deploy("", "001");
        server.start();
        String id = server.login("");
        server.get("/api", id, JSON);

        List<SessionInventory.ContextSessions> inventory =
                server.valve.sessionInventory().sessions();

        assertThat(inventory).singleElement().satisfies(context -> {
            assertThat(context.path()).isEqualTo("/");
            assertThat(context.version()).isEqualTo("001");
            assertThat(context.sessions()).singleElement().satisfies(session -> {
                assertThat(session.maskedId()).isEqualTo(id.substring(0, 6) + "…");
                assertThat(session.remoteAddress()).isEqualTo("127.0.0.1");
                assertThat(session.userAgent()).isEqualTo("maintenance-test/1.0");
                assertThat(session.principal()).isEmpty();
                assertThat(session.clientInfo()).isEqualTo(Map.of("client", "test-ui 001"));
                assertThat(session.created()).isBeforeOrEqualTo(session.lastAccessed());
                assertThat(session.expiresIn()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30));
            });
        });
        Session tomcatSession = ((Context) server.tomcat.getHost().findChildren()[0])
                .getManager()
                .findSession(id);
        assertThat(Collections.list(tomcatSession.getSession().getAttributeNames()))
                .as("the notes are invisible to the application")
                .containsExactly(io.warcast.api.ClientInfo.SESSION_ATTRIBUTE);
    }

    @Test
    void noFullSessionIdAppearsInAnyOutput() throws Exception {
        server.deploy("", "001");
        server.start();
        String id = server.login("");
        String bare = id.substring(0, id.indexOf('.'));
        server.state().enter();

        String outputs = String.join(
                "\n",
                server.get(HEALTH, id, JSON).body(),
                server.get("/x", "F" + bare.substring(1) + ".node-a", JSON).body(),
                server.get("/x", "F" + bare.substring(1) + ".node-a", BROWSER).body(),
                server.valve.sessionInventory().sessions().toString(),
                server.valve.sessionInventory().counts(Duration.ofMinutes(5)).toString(),
                String.join("\n", stateLog.messages(Level.INFO)));

        assertThat(outputs).contains(id.substring(0, 6) + "…").doesNotContain(bare.substring(0, 7));
    }

    private HttpResponse<String> health() {
        return server.get(HEALTH, null, null);
    }

    /** A JSON object with its numbers as ints, for comparing with Map.of(...). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) throws Exception {
        return (Map<String, Object>) normalize(new JSONParser(text).parseObject());
    }

    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            map.forEach((key, element) -> result.put((String) key, normalize(element)));
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MaintenanceValveTest::normalize).toList();
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        return value;
    }
}
