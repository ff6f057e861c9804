package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.tomcat.MaintenanceTomcat.RawResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In maintenance the valve answers 503 with its whole body whatever the request's headers say, and leaves alone
 * what Tomcat (or a valve before it) has already answered: an error, a committed response, TRACE's 405, a 400 for
 * a request line and a Host header that disagree. Requests go over a plain socket, so the test sees the bytes the
 * client gets.
 */
class MaintenanceAnswerTest {

    private static final String HEALTH = "/warcast/health";

    @TempDir
    Path dir;

    private MaintenanceTomcat server;
    private LogCapture tomcatLog;

    @BeforeEach
    void startInMaintenance() throws Exception {
        server = new MaintenanceTomcat(dir, "node-a", new AnsweringValve());
        server.deploy("", "001");
        server.start();
        server.state().enter();
        tomcatLog = new LogCapture("org.apache");
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            tomcatLog.close();
        } finally {
            server.close();
        }
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(
            strings = {";", ";;", "text/html,;", ",", ";q=1", "application/json;q=", "\"", "text/html;a=\"x", "\\"})
    void aHostileAcceptHeaderGetsTheWhole503AndLogsNothing(String accept) {
        RawResponse response = server.raw("GET /api/items HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept + "\r\n");

        assertThat(response.statusLine()).as("Accept: %s", accept).startsWith("HTTP/1.1 503 ");
        assertWhole(response, "Accept: " + accept);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .as("no JSON range is readable in [%s], so the client gets the HTML page", accept)
                .contains("Down for maintenance");
        assertThat(tomcatLog.records)
                .as("a bad header is the client's business: nothing goes to the log")
                .filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogRecord::getMessage)
                .isEmpty();
    }

    @Test
    void every503DeclaresTheLengthOfTheBodyItSends() {
        for (String accept : new String[] {"application/json", MaintenanceTomcat.BROWSER}) {
            for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
                RawResponse response = server.raw(method + " /api/items HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: "
                        + accept + "\r\nContent-Length: 0\r\n");

                assertThat(response.statusLine())
                        .as("%s with Accept %s", method, accept)
                        .startsWith("HTTP/1.1 503 ");
                assertWhole(response, method + " with Accept " + accept);
            }
        }
    }

    @Test
    void traceKeepsTomcats405WithItsWholeBody() {
        for (String path : new String[] {"/api/items", HEALTH}) {
            RawResponse response = server.raw("TRACE " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");

            assertThat(response.statusLine())
                    .as("TRACE %s is refused by Tomcat's connector, not by maintenance", path)
                    .startsWith("HTTP/1.1 405 ");
            assertWhole(response, "TRACE " + path);
        }
    }

    @Test
    void aRequestLineThatDisagreesWithTheHostHeaderKeepsTomcats400() {
        for (String path : new String[] {"/api/items", HEALTH}) {
            RawResponse response =
                    server.raw("GET http://elsewhere.example" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");

            assertThat(response.statusLine())
                    .as("Tomcat refused GET %s with another Host header as a bad request", path)
                    .startsWith("HTTP/1.1 400 ");
        }
    }

    @Test
    void anErrorAValveBeforeSentIsLeftAsItIs() {
        RawResponse response = server.raw("GET /api/items HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Answer: error\r\n");

        assertThat(response.statusLine())
                .as("the earlier valve's sendError stands")
                .startsWith("HTTP/1.1 " + AnsweringValve.ERROR_STATUS + " ");
        assertWhole(response, "an error sent before the valve");
    }

    @Test
    void aResponseCommittedBeforeTheValveGetsNothingAdded() {
        RawResponse response = server.raw("GET /api/items HTTP/1.0\r\nHost: 127.0.0.1\r\nX-Answer: commit\r\n");

        assertThat(response.statusLine()).startsWith("HTTP/1.1 200 ");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .as("the maintenance answer is not written after what was committed")
                .isEqualTo(AnsweringValve.COMMITTED_BODY);
    }

    private static void assertWhole(RawResponse response, String what) {
        assertThat(response.body()).as("%s: a body", what).isNotEmpty();
        assertThat(response.header("Content-Length"))
                .as("%s: Content-Length says how many bytes came", what)
                .contains(Integer.toString(response.body().length));
    }
}
