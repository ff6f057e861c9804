package io.warcast.tomcat;

import static io.warcast.tomcat.MaintenanceTomcat.JSON;
import static io.warcast.tomcat.MaintenanceValveTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warcast.tomcat.MaintenanceTomcat.RawResponse;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.apache.catalina.session.ManagerBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server drains when its users have gone, not when their sessions time out: in maintenance a session unused for
 * longer than {@code drainIdleSeconds} no longer holds the server, yet stays valid, and looking at sessions never
 * expires one. The maintenance answer deletes the stale session cookie a turned-away client came with.
 */
class MaintenanceDrainTest {

    private static final String HEALTH = "/warcast/health";
    private static final Duration DRAIN_IDLE = Duration.ofSeconds(2);
    /** How often the "load balancer" of these tests asks the health endpoint. */
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private static final int USERS_PER_VERSION = 15;

    @TempDir
    Path dir;

    private MaintenanceTomcat server;

    @BeforeEach
    void setUp() {
        server = new MaintenanceTomcat(dir, "node-a");
        server.valve.setDrainIdleSeconds(Long.toString(DRAIN_IDLE.toSeconds()));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    @Test
    void usersWhoLeaveLetTheServerDrainWithinDrainIdleAndOneCheckInterval() throws Exception {
        Context v001 = server.deploy("", "001");
        server.start();
        List<String> usersOn001 = logIn(USERS_PER_VERSION);
        Context v002 = server.deploy("", "002");
        List<String> usersOn002 = logIn(USERS_PER_VERSION);
        server.state().enter();

        List<String> everybody = new ArrayList<>(usersOn001);
        everybody.addAll(usersOn002);
        for (String user : everybody) {
            assertThat(server.get("/api/items", user, JSON).statusCode())
                    .as("a user with a session keeps working in maintenance")
                    .isEqualTo(200);
        }
        Instant lastRequest = Instant.now();
        Map<String, Object> working = health();
        assertThat(working)
                .as("the users have just worked: %s", working)
                .containsEntry("state", "MAINTENANCE")
                .containsEntry("totalSessions", 2 * USERS_PER_VERSION);

        await("the users have left: DRAINED once every session is idle for longer than " + DRAIN_IDLE)
                .atMost(DRAIN_IDLE.plus(CHECK_INTERVAL))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> health().get("state").equals("DRAINED"));
        Duration drainedAfter = Duration.between(lastRequest, Instant.now());
        System.out.printf(
                "DRAINED %d ms after the last request, drainIdleSeconds=%d, %d sessions left idle%n",
                drainedAfter.toMillis(), DRAIN_IDLE.toSeconds(), everybody.size());

        assertThat(drainedAfter)
                .as("no session was idle for drainIdle before")
                .isGreaterThanOrEqualTo(DRAIN_IDLE.minusMillis(500));
        Map<String, Object> drained = health();
        assertThat(drained)
                .as("the idle sessions are still there, counted as idle: %s", drained)
                .containsEntry(
                        "sessions",
                        List.of(
                                Map.of("context", "/", "version", "001", "active", 0, "idle", 15, "exempt", false),
                                Map.of("context", "/", "version", "002", "active", 0, "idle", 15, "exempt", false)))
                .containsEntry("totalSessions", 30)
                .containsEntry("activeSessions", 0)
                .containsEntry("idleSessions", 30)
                .containsEntry("drainIdleSeconds", 2);
        assertThat(v001.getManager().findSessions()).hasSize(USERS_PER_VERSION);
        assertThat(v002.getManager().findSessions()).hasSize(USERS_PER_VERSION);

        HttpResponse<String> back = server.get("/api/items", usersOn001.get(0), JSON);
        assertThat(back.statusCode())
                .as("an idle session is not expired: its user comes back and gets in")
                .isEqualTo(200);
        assertThat(back.body()).isEqualTo("version=001 session=present method=GET");
        assertThat(health())
                .as("a user who came back holds the server again")
                .containsEntry("state", "MAINTENANCE")
                .containsEntry("activeSessions", 1);
    }

    @Test
    void theStartLogSaysHowLongASessionMayIdleAndTheServersName() throws Exception {
        try (LogCapture hostLog = new LogCapture("org.apache.catalina.core.ContainerBase.[Tomcat].[localhost]")) {
            server.start();

            assertThat(hostLog.messages(Level.INFO))
                    .as("what the valve logs when it starts")
                    .anySatisfy(
                            message -> assertThat(message)
                                    .startsWith("Maintenance valve on Host [localhost]")
                                    .endsWith(
                                            "sessions idle for more than [2] seconds no longer hold the drain, server [node-a]"));
        }
    }

    @Test
    void countingSessionsNeverExpiresOne() throws Exception {
        Context context = server.deploy("", "001");
        server.start();
        Manager manager = context.getManager();
        // Only the test expires sessions here, not the manager's background run.
        ((ManagerBase) manager).setProcessExpiresFrequency(Integer.MAX_VALUE);
        String id = server.login("");
        Session session = manager.findSession(id);
        session.setMaxInactiveInterval(1);
        server.state().enter();

        await("the session times out").atMost(Duration.ofSeconds(10)).until(() -> SessionActivity.timedOut(session));
        Map<String, Object> health = health();
        server.valve.sessionInventory().sessions();
        server.valve.sessionInventory().counts(DRAIN_IDLE);

        assertThat(health)
                .as("a timed-out session counts nowhere: %s", health)
                .containsEntry("state", "DRAINED")
                .containsEntry("totalSessions", 0);
        assertThat(manager.findSession(id))
                .as("the health check and the inventory left the timed-out session to the manager")
                .isSameAs(session);
        assertThat(session.getSession().getCreationTime())
                .as("the session was not expired: a valid session answers getCreationTime")
                .isPositive();

        ((ManagerBase) manager).processExpires();
        assertThat(manager.findSession(id))
                .as("the manager's own expiry run ends it")
                .isNull();
    }

    @Test
    void theMaintenanceAnswerDeletesTheStaleSessionCookie() throws Exception {
        server.deploy("", "001");
        Context shop = server.deploy("/shop", "");
        shop.setSessionCookieName("SHOPSESSION");
        shop.setSessionCookiePath("/shop/");
        server.start();
        server.state().enter();

        HttpResponse<String> stale = server.get("/api/items", "0123456789ABCDEF0123456789ABCDEF.node-a", JSON);
        assertThat(stale.statusCode()).isEqualTo(503);
        assertThat(stale.headers().allValues("Set-Cookie"))
                .as("the cookie of a session this server no longer has is deleted")
                .singleElement()
                .satisfies(cookie -> assertDeletes(cookie, "JSESSIONID", "/"));

        RawResponse staleOnShop = server.raw(
                "GET /shop/cart HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: SHOPSESSION=0123456789ABCDEF.node-a\r\n");
        assertThat(staleOnShop.statusLine()).startsWith("HTTP/1.1 503 ");
        assertThat(staleOnShop.header("Set-Cookie"))
                .as("the context's own session cookie name and path")
                .hasValueSatisfying(cookie -> assertDeletes(cookie, "SHOPSESSION", "/shop/"));

        assertThat(server.get("/api/items", null, JSON).headers().allValues("Set-Cookie"))
                .as("no cookie, nothing to delete")
                .isEmpty();
        assertThat(server.get("/api/items;jsessionid=0123456789ABCDEF.node-a", null, JSON)
                        .headers()
                        .allValues("Set-Cookie"))
                .as("a session id in the URL has no cookie to delete")
                .isEmpty();
    }

    /**
     * Tomcat 10.1 writes {@code Max-Age=0} and an {@code Expires} in the past, Tomcat 11 only the {@code Expires}:
     * read as a browser reads it, either deletes the cookie.
     */
    private static void assertDeletes(String setCookie, String name, String path) {
        HttpCookie cookie = HttpCookie.parse(setCookie).get(0);
        assertThat(cookie.getName()).as(setCookie).isEqualTo(name);
        assertThat(cookie.getValue()).as(setCookie).isEmpty();
        assertThat(cookie.getPath()).as(setCookie).isEqualTo(path);
        assertThat(cookie.isHttpOnly()).as(setCookie).isTrue();
        assertThat(cookie.hasExpired()).as("[%s] deletes the cookie", setCookie).isTrue();
    }

    private List<String> logIn(int users) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ids.add(server.login(""));
        }
        return ids;
    }

    private Map<String, Object> health() throws Exception {
        return json(server.get(HEALTH, null, null).body());
    }
}
