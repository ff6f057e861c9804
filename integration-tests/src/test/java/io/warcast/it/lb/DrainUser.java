package io.warcast.it.lb;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One simulated user of the sample behind the load balancer, like one browser tab: its own cookie jar, so its own
 * session. A step is what such a user does on a page: read the application's info, then restock an item (a POST).
 */
final class DrainUser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final URI site;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private int requests;

    DrainUser(String name, URI site) {
        this.name = name;
        this.site = site;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** What one step showed: the statuses, the server that answered and the session the user holds after it. */
    record Step(String user, int infoStatus, int restockStatus, String server, String session, long endNanos) {

        boolean succeeded() {
            return infoStatus == 200 && restockStatus == 200;
        }

        @Override
        public String toString() {
            return user + ": info " + infoStatus + ", restock " + restockStatus + " from [" + server + "], session ["
                    + session + "]";
        }
    }

    Step step() {
        HttpResponse<String> info =
                send(HttpRequest.newBuilder(site.resolve("api/info")).GET());
        HttpResponse<String> restock = send(HttpRequest.newBuilder(site.resolve("api/items/1/restock"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1}")));
        long end = System.nanoTime();
        return new Step(name, info.statusCode(), restock.statusCode(), serverOf(info), session(), end);
    }

    /** The session id this user's cookie holds (with HAProxy's server prefix), empty without one. */
    String session() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    /** The jvmRoute at the end of the session id: the Tomcat that owns this user's session. */
    String sessionRoute() {
        String session = session();
        return session.substring(session.lastIndexOf('.') + 1);
    }

    int requests() {
        return requests;
    }

    private static String serverOf(HttpResponse<String> info) {
        if (info.statusCode() != 200) {
            return "";
        }
        try {
            return JSON.readTree(info.body()).path("server").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON from " + info.uri() + ": " + info.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built =
                request.timeout(TIMEOUT).header("Accept", "application/json").build();
        requests++;
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + built.method() + " " + built.uri(), e);
        }
    }
}
