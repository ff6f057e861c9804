package io.warcast.tomcat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ContextName;

/**
 * A real embedded Tomcat with a {@link MaintenanceValve} on its Host and versions of a test application
 * ({@link SessionServlet}); requests go over real HTTP, with the session cookie handled by hand so a test can send
 * any id it likes.
 */
final class MaintenanceTomcat implements AutoCloseable {

    static final String JSON = "application/json";
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    final Tomcat tomcat;
    final MaintenanceValve valve = new MaintenanceValve();
    final Path baseDir;
    private final EmbeddedTomcat embedded;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MaintenanceTomcat(Path dir, String jvmRoute) {
        embedded = new EmbeddedTomcat(dir, jvmRoute);
        tomcat = embedded.tomcat;
        baseDir = embedded.baseDir;
        tomcat.getEngine().setBackgroundProcessorDelay(1);
        tomcat.getHost().getPipeline().addValve(valve);
    }

    MaintenanceTomcat start() throws LifecycleException {
        tomcat.start();
        return this;
    }

    /**
     * Deploys version {@code version} of the test application at {@code path} ({@code ""} for ROOT), with
     * {@code valves} in its own pipeline.
     */
    Context deploy(String path, String version, Valve... valves) {
        ContextName name = new ContextName(path, version);
        StandardContext context = new StandardContext();
        context.setName(name.getName());
        context.setPath(name.getPath());
        context.setWebappVersion(name.getVersion());
        context.setDocBase(null);
        context.addLifecycleListener(new Tomcat.FixContextListener());
        Tomcat.addServlet(context, "sessions", new SessionServlet(version));
        context.addServletMappingDecoded("/", "sessions");
        for (Valve valve : valves) {
            context.getPipeline().addValve(valve);
        }
        tomcat.getHost().addChild(context);
        return context;
    }

    Path flagFile() {
        return baseDir.resolve("conf/warcast.maintenance");
    }

    HttpResponse<String> get(String path, String sessionId, String accept) {
        return send(request(path, sessionId, accept).GET());
    }

    HttpResponse<String> post(String path, String sessionId, String accept) {
        return send(request(path, sessionId, accept).POST(HttpRequest.BodyPublishers.ofString("name=x")));
    }

    /** Logs in (creates a session) and returns the session id from the cookie. */
    String login(String path) {
        HttpResponse<String> response = get(path + "/login", null, JSON);
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie from " + path + "/login: " + response));
    }

    private HttpRequest.Builder request(String path, String sessionId, String accept) {
        URI uri = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", "maintenance-test/1.0");
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws LifecycleException {
        embedded.close();
    }
}
