package io.warcast.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One client of the sample application, like one browser: it keeps its session cookie, so once it has a session
 * with a parallel-deployment version it keeps talking to that version.
 */
public final class SampleClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int HEARD_PAGE_SIZE = 1_000;
    // The sample's paged lists give the index of their oldest kept entry and of their next entry in these headers.
    private static final String FIRST_INDEX_HEADER = "X-Log-First-Index";
    private static final String NEXT_INDEX_HEADER = "X-Log-Next-Index";

    private final URI applicationUri;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final LogFollower heard;

    /** A client of the application at {@code applicationUri} (for ROOT: {@code http://127.0.0.1:port/}). */
    public SampleClient(URI applicationUri) {
        this.applicationUri = applicationUri;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.heard = new LogFollower(applicationUri.resolve("api/heard").toString(), HEARD_PAGE_SIZE, this::heardPage);
    }

    /** {@code GET /api/info}: server, context and version of the instance that answered. */
    public JsonNode info() {
        return expectOk(send(request("api/info").GET()));
    }

    /** The parallel-deployment version that answers this client. */
    public String version() {
        return info().path("version").asText();
    }

    /** {@code PUT /api/items/{id}}: changes the item in the instance that answers and publishes the change. */
    public JsonNode putItem(long id, String name, int stock) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("stock", stock);
        return expectOk(send(request("api/items/" + id)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    /** {@code GET /api/items/{id}}; a missing node when this instance has no such item. */
    public JsonNode item(long id) {
        HttpResponse<String> response = send(request("api/items/" + id).GET());
        return response.statusCode() == 404 ? JSON.missingNode() : expectOk(response);
    }

    /**
     * {@code GET /api/heard}: every change this instance heard, oldest first. Each call fetches only the changes heard
     * since the previous call, page by page ({@code ?from=index&limit=n}).
     *
     * @throws IllegalStateException when the instance's bounded log dropped changes before this client read them
     */
    public List<JsonNode> heard() {
        return heard.readAll();
    }

    /** {@code POST /api/items/{id}/restock}: a non-idempotent action; the raw response, for status checks. */
    public HttpResponse<String> restock(long id, int amount) {
        return send(request("api/items/" + id + "/restock")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + "}")));
    }

    /**
     * The jvmRoute at the end of this client's session id ({@code JSESSIONID=<id>.node-a}): the Tomcat that owns
     * its session; empty before it has one.
     */
    public String sessionRoute() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(cookie -> cookie.getValue().substring(cookie.getValue().lastIndexOf('.') + 1))
                .findFirst()
                .orElse("");
    }

    /** A GET of any path below the application, for status and body checks. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    private LogFollower.Page heardPage(long from, int limit) {
        HttpResponse<String> response =
                send(request("api/heard?from=" + from + "&limit=" + limit).GET());
        List<JsonNode> changes = new ArrayList<>();
        expectOk(response).forEach(changes::add);
        return new LogFollower.Page(
                changes, indexHeader(response, FIRST_INDEX_HEADER), indexHeader(response, NEXT_INDEX_HEADER));
    }

    private static long indexHeader(HttpResponse<String> response, String name) {
        return Long.parseLong(response.headers()
                .firstValue(name)
                .orElseThrow(() -> new IllegalStateException(response.request().method() + " " + response.uri()
                        + " answered without the " + name + " header: not a paged list")));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(applicationUri.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + built.method() + " " + built.uri(), e);
        }
    }

    private static JsonNode expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON from " + response.uri() + ": " + response.body(), e);
        }
    }
}
