package io.warcast.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warcast.api.ChangeAction;
import io.warcast.api.ClientInfo;
import io.warcast.api.DataChange;
import io.warcast.api.DataNotifyListener;
import io.warcast.api.FlushRequest;
import io.warcast.api.WarcastServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over real HTTP: an embedded Tomcat runs the app's listener and servlet, with a fake Warcast service in
 * the servlet context where the container integration would put the real one.
 */
class CatalogApiHttpTest {

    private final FakeDataNotifyService warcast = new FakeDataNotifyService();
    private final Json json = new Json();
    private final HttpClient client = HttpClient.newHttpClient();
    private Tomcat tomcat;
    private Context context;
    private String base;

    @BeforeEach
    void startTomcat(@TempDir Path baseDir) throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        Path docBase = Files.createDirectory(baseDir.resolve("docs"));
        context = tomcat.addContext("/shop", docBase.toString());
        context.addServletContainerInitializer(
                (classes, servletContext) -> {
                    servletContext.setAttribute(WarcastServices.SERVLET_CONTEXT_ATTRIBUTE, warcast);
                    servletContext.addListener(new SampleContextListener());
                },
                null);
        Tomcat.addServlet(context, "api", new CatalogApiServlet());
        context.addServletMappingDecoded("/api/*", "api");
        tomcat.getConnector();
        tomcat.start();
        base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/shop/api";
    }

    @AfterEach
    void stopTomcat() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        assertThat(warcast.listeners)
                .as("the listener is deregistered when the app stops")
                .isEmpty();
    }

    @Test
    void infoSaysWhichCopyAnswersAndStartsASession() throws Exception {
        HttpResponse<String> response = send("GET", "/info", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Set-Cookie"))
                .as("every API request creates a session")
                .hasValueSatisfying(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
        JsonNode info = json.read(response.body());
        assertThat(info.get("server").asText()).isEqualTo("node-a");
        assertThat(info.get("context").asText()).isEqualTo("/shop");
        assertThat(info.get("version").asText()).isEqualTo("002");
        assertThat(context.getManager().findSessions())
                .as("the session is labelled for the operator's session view")
                .singleElement()
                .satisfies(session ->
                        assertThat(ClientInfo.read(session.getSession())).containsEntry("client", "sample-ui"));
    }

    @Test
    void putSavesTheItemAndPublishesIt() throws Exception {
        HttpResponse<String> created = send("PUT", "/items/42", "{\"name\": \"Sugar bowl\", \"stock\": 5}");
        HttpResponse<String> updated = send("PUT", "/items/42", "{\"name\": \"Sugar bowl\", \"stock\": 4}");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json.read(updated.body()).toString()).isEqualTo("{\"id\":42,\"name\":\"Sugar bowl\",\"stock\":4}");
        assertThat(warcast.published)
                .extracting(DataChange::action)
                .containsExactly(ChangeAction.INSERT, ChangeAction.UPDATE);
        assertThat(json.read(send("GET", "/items/42", null).body()).get("stock").asInt())
                .isEqualTo(4);
    }

    @Test
    void aBadPutIsRefusedWithAReason() throws Exception {
        HttpResponse<String> response = send("PUT", "/items/1", "{\"name\": \"Teapot\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.read(response.body()).get("error").asText()).contains("[stock]");
        assertThat(warcast.published).isEmpty();
        assertThat(send("PUT", "/items/x", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void postRestockAddsToTheStockAndPublishesAnUpdate() throws Exception {
        HttpResponse<String> restocked = send("POST", "/items/1/restock", "{\"amount\": 5}");

        assertThat(restocked.statusCode()).isEqualTo(200);
        assertThat(json.read(restocked.body()).get("stock").asInt()).isEqualTo(12 + 5);
        assertThat(warcast.published).extracting(DataChange::action).containsExactly(ChangeAction.UPDATE);
        assertThat(send("POST", "/items/404/restock", "{\"amount\": 5}").statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/items/1/restock", "{\"amount\": 0}").statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/items/1/restock", null).statusCode()).isEqualTo(405);
    }

    @Test
    void deleteRemovesAndPublishesOr404s() throws Exception {
        assertThat(send("DELETE", "/items/3", null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/items/3", null).statusCode()).isEqualTo(404);
        HttpResponse<String> gone = send("GET", "/items/3", null);

        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json.read(gone.body()).get("error").asText()).isEqualTo("no item 3");
        assertThat(warcast.published).extracting(DataChange::action).containsExactly(ChangeAction.DELETE);
        assertThat(json.read(send("GET", "/items", null).body()).findValuesAsText("name"))
                .containsExactly("Teapot", "Espresso cup");
    }

    @Test
    void aChangeHeardFromAnotherCopyShowsInItemsAndTheHeardLog() throws Exception {
        DataNotifyListener listener = warcast.listeners.get(0);

        listener.notifyDataChange(Events.heard(1, ItemChanges.saved(new Item(2, "Demitasse", 9), false)));
        listener.notifyDataChange(Events.heard(2, ItemChanges.deleted(1)));

        assertThat(json.read(send("GET", "/items/2", null).body()).get("name").asText())
                .isEqualTo("Demitasse");
        assertThat(send("GET", "/items/1", null).statusCode()).isEqualTo(404);
        HttpResponse<String> heard = send("GET", "/heard", null);
        assertThat(json.read(heard.body()).findValuesAsText("action")).containsExactly("UPDATE", "DELETE");
        assertThat(heard.headers().firstValue(CatalogApiServlet.NEXT_INDEX_HEADER))
                .contains("2");
        HttpResponse<String> secondPage = send("GET", "/heard?from=1&limit=5", null);
        assertThat(json.read(secondPage.body()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("id").asText()).isEqualTo("msg-2"));
        assertThat(send("GET", "/heard?limit=-1", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aFlushHeardEmptiesTheCatalogue() throws Exception {
        warcast.listeners
                .get(0)
                .flushCachedDatabaseData(new FlushRequest(
                        Optional.of("catalog"), FlushRequest.Reason.REQUESTED, Optional.of(Events.OTHER)));

        assertThat(json.read(send("GET", "/items", null).body()).isEmpty()).isTrue();
        JsonNode flushes = json.read(send("GET", "/flushes", null).body());
        assertThat(flushes.get(0).get("dataSource").asText()).isEqualTo("catalog");
    }

    @Test
    void unknownPathsAndMethodsAreRefusedWithJson() throws Exception {
        HttpResponse<String> unknown = send("GET", "/nothing", null);
        HttpResponse<String> wrongMethod = send("POST", "/items/1", "{}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.read(unknown.body()).has("error")).isTrue();
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET, PUT, DELETE");
        assertThat(json.read(wrongMethod.body()).has("error")).isTrue();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
