package io.warcast.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warcast.harness.ManagerClient;
import io.warcast.harness.SampleClient;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator upgrades a server: {@code ROOT##001} has users, {@code ROOT##002} is deployed beside it, and the
 * server goes into maintenance, first by touching the flag file as a deploy script does, then through JMX. Users
 * with a session keep working on their version; everything that would start a session gets 503 with a body; the
 * health endpoint tells the load balancer to drain, and says DRAINED once the last session has ended. Maintenance
 * is switched off in {@code finally}, so the other test classes never see it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintenanceModeIT {

    private static final Duration BACKGROUND_PROCESS = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SampleVersions versions = new SampleVersions();
    private static final ManagerClient manager = TomcatUnderTest.manager();
    private static final Path flagFile = TomcatUnderTest.base().base().resolve("conf/warcast.maintenance");
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static SampleClient userOn001;
    private static SampleClient userOn002;

    @BeforeAll
    static void deployTwoVersionsWithUsers() {
        versions.undeployAll();
        userOn001 = versions.deploy("001");
        userOn002 = versions.deploy("002");
        assertThat(userOn001.version()).as("the 001 user stays on 001").isEqualTo("001");
    }

    @AfterEach
    void maintenanceOff() throws Exception {
        Files.deleteIfExists(flagFile);
        setMaintenanceByJmx(false);
    }

    @AfterAll
    static void undeploy() {
        versions.undeployAll();
    }

    @Test
    @Order(1)
    void theFlagFileStartsMaintenanceWhereOnlyRequestsWithAValidSessionPass() throws Exception {
        assertThat(health().statusCode()).isEqualTo(200);
        assertThat(json(health()).path("state").asText()).isEqualTo("UP");

        Files.createFile(flagFile);
        await("the valve's background process sees " + flagFile)
                .atMost(BACKGROUND_PROCESS)
                .until(() -> health().statusCode() == 404);
        assertThat(json(health()).path("state").asText()).isEqualTo("MAINTENANCE");

        assertMaintenanceAnswer(request("api/info", null, "application/json").GET(), "a request without cookie");
        assertMaintenanceAnswer(
                request("api/info", "0123456789ABCDEF0123456789ABCDEF." + jvmRoute(), "application/json")
                        .GET(),
                "a request with a session id no version knows");
        assertMaintenanceAnswer(
                request("api/items/3", null, "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"stock\":1}")),
                "a PUT without session");
        assertMaintenanceAnswer(
                request("api/items", null, "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")),
                "a POST without session");
        HttpResponse<String> browser =
                send(request("", null, "text/html,*/*;q=0.8").GET());
        assertThat(browser.statusCode()).isEqualTo(503);
        assertThat(browser.body()).contains("Down for maintenance");

        assertThat(userOn001.info().path("version").asText())
                .as("the user with a session in 001 keeps working on 001 while 002 is the newest")
                .isEqualTo("001");
        assertThat(userOn001
                        .putItem(31, "saved during maintenance", 3)
                        .path("name")
                        .asText())
                .as("any method passes with a valid session")
                .isEqualTo("saved during maintenance");
        assertThat(userOn002.version()).isEqualTo("002");

        Files.delete(flagFile);
        await("removing the flag file ends maintenance")
                .atMost(BACKGROUND_PROCESS)
                .until(() -> health().statusCode() == 200);
        assertThat(TomcatUnderTest.newSampleClient().version()).isEqualTo("002");
        await("the log says the flag file switched it, on and off")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> Files.readString(TomcatUnderTest.base().catalinaLog()),
                        log -> log.contains("Maintenance mode ON, switched by [flag file " + flagFile + "]")
                                && log.contains("Maintenance mode OFF, switched by [flag file " + flagFile + "]"));
    }

    @Test
    @Order(2)
    void throughJmxAnExpiredSessionIsRejectedAndHealthSaysDrainedWhenTheLastSessionEnds() throws Exception {
        setMaintenanceByJmx(true);
        JsonNode maintenance = json(health());
        assertThat(maintenance.path("state").asText()).isEqualTo("MAINTENANCE");
        assertThat(maintenance.path("server").asText()).isEqualTo(jvmRoute());
        assertThat(active(maintenance, "001")).isPositive();
        assertThat(active(maintenance, "002")).isPositive();

        manager.expireSessions("/", "002", 0);
        HttpResponse<String> expired = userOn002.get("api/info");
        assertThat(expired.statusCode())
                .as("the 002 user's session was expired: its cookie no longer lets it in")
                .isEqualTo(503);
        assertThat(JSON.readTree(expired.body()).path("state").asText()).isEqualTo("MAINTENANCE");
        assertThat(userOn001.version()).as("001's users are unaffected").isEqualTo("001");
        JsonNode oneVersionLeft = json(health());
        assertThat(active(oneVersionLeft, "002")).isZero();
        assertThat(oneVersionLeft.path("state").asText()).isEqualTo("MAINTENANCE");

        manager.expireSessions("/", "001", 0);
        HttpResponse<String> drained = health();
        assertThat(drained.statusCode())
                .as("DRAINED still answers 404, so HAProxy never marks the server DOWN")
                .isEqualTo(404);
        assertThat(JSON.readTree(drained.body()).path("state").asText())
                .as("no session left: %s", drained.body())
                .isEqualTo("DRAINED");
        assertThat(JSON.readTree(drained.body()).path("totalSessions").asInt()).isZero();
        assertThat(valveAttribute("healthState"))
                .as("JMX says what the health says")
                .isEqualTo("DRAINED");
        assertThat(valveAttribute("switchedBy")).isEqualTo("JMX");

        setMaintenanceByJmx(false);
        assertThat(json(health()).path("state").asText()).isEqualTo("UP");
        await("the log says JMX switched it")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> Files.readString(TomcatUnderTest.base().catalinaLog()),
                        log -> log.contains("Maintenance mode ON, switched by [JMX]")
                                && log.contains("Maintenance mode OFF, switched by [JMX]"));
    }

    @Test
    @Order(3)
    void noHeaderValueBreaksTheAnswerTraceKeepsTomcats405AndAStaleCookieIsDeleted() throws Exception {
        setMaintenanceByJmx(true);

        for (String accept : new String[] {";", ";;", "text/html,;"}) {
            HttpResponse<String> response =
                    send(request("api/info", null, accept).GET());
            assertThat(response.statusCode()).as("Accept: %s", accept).isEqualTo(503);
            assertThat(response.body()).as("Accept: %s", accept).contains("Down for maintenance");
            assertThat(response.headers().firstValueAsLong("Content-Length"))
                    .as("Accept: %s: Content-Length is the length of the body", accept)
                    .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
        }
        HttpResponse<String> trace =
                send(request("api/info", null, "*/*").method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertThat(trace.statusCode())
                .as("TRACE is refused by Tomcat's connector, and the valve leaves that answer alone")
                .isEqualTo(405);
        HttpResponse<String> stale =
                send(request("api/info", "0123456789ABCDEF0123456789ABCDEF." + jvmRoute(), "application/json")
                        .GET());
        assertThat(stale.headers().allValues("Set-Cookie"))
                .as("the 503 deletes the session cookie of a session the server does not have")
                .singleElement()
                .satisfies(cookie -> {
                    HttpCookie deletion = HttpCookie.parse(cookie).get(0);
                    assertThat(deletion.getName()).as(cookie).isEqualTo("JSESSIONID");
                    assertThat(deletion.getPath()).as(cookie).isEqualTo("/");
                    assertThat(deletion.hasExpired())
                            .as("[%s] deletes the cookie", cookie)
                            .isTrue();
                });
        assertThat(Files.readString(TomcatUnderTest.base().catalinaLog()))
                .as("no request left a stack trace")
                .doesNotContain("io.warcast.tomcat.AcceptHeader");
    }

    private static void assertMaintenanceAnswer(HttpRequest.Builder request, String what) throws IOException {
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(what).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as(what).contains("30");
        assertThat(response.headers().firstValue("Cache-Control")).as(what).contains("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).as(what).isEqualTo(503);
        assertThat(body.path("state").asText()).as(what).isEqualTo("MAINTENANCE");
        assertThat(body.path("server").asText()).as(what).isEqualTo(jvmRoute());
        assertThat(body.path("retryAfterSeconds").asInt()).as(what).isEqualTo(30);
    }

    private static int active(JsonNode health, String version) {
        for (JsonNode context : health.path("sessions")) {
            if (context.path("context").asText().equals("/")
                    && context.path("version").asText().equals(version)) {
                return context.path("active").asInt();
            }
        }
        throw new AssertionError("no ROOT##" + version + " in " + health);
    }

    private static HttpResponse<String> health() {
        return send(request("warcast/health", null, "application/json").GET());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String jvmRoute() {
        return TomcatUnderTest.base().jvmRoute();
    }

    private static HttpRequest.Builder request(String path, String sessionId, String accept) {
        URI uri = TomcatUnderTest.base().uri().resolve(path);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", accept);
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Switches maintenance through the valve's JMX operations, as an operator does in JConsole. */
    private static void setMaintenanceByJmx(boolean on) throws Exception {
        try (JMXConnector connector = JMXConnectorFactory.connect(jmxUrl())) {
            connector.getMBeanServerConnection().invoke(valve(), on ? "enter" : "leave", null, null);
        }
    }

    /** A read-only attribute of the valve over JMX. */
    private static Object valveAttribute(String name) throws Exception {
        try (JMXConnector connector = JMXConnectorFactory.connect(jmxUrl())) {
            return connector.getMBeanServerConnection().getAttribute(valve(), name);
        }
    }

    /** Tomcat registers the valve under its Engine's name (Catalina in server.xml) and its Host. */
    private static ObjectName valve() throws MalformedObjectNameException {
        return new ObjectName("Catalina:type=Valve,host=localhost,name=MaintenanceValve");
    }

    private static JMXServiceURL jmxUrl() throws MalformedURLException {
        return new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + System.getProperty("warcast.it.jmx.port") + "/jmxrmi");
    }
}
