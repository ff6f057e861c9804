package io.warcast.tomcat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
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

    /** A Tomcat whose Host runs {@code before} and then the maintenance valve. */
    MaintenanceTomcat(Path dir, String jvmRoute, Valve... before) {
        embedded = new EmbeddedTomcat(dir, jvmRoute);
        tomcat = embedded.tomcat;
        baseDir = embedded.baseDir;
        tomcat.getEngine().setBackgroundProcessorDelay(1);
        for (Valve earlier : before) {
            tomcat.getHost().getPipeline().addValve(earlier);
        }
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

    /** Adds another Host, {@code name}, to the Engine, with a maintenance valve of its own; returns that valve. */
    MaintenanceValve addHost(String name) {
        StandardHost host = new StandardHost();
        host.setName(name);
        MaintenanceValve other = new MaintenanceValve();
        host.getPipeline().addValve(other);
        tomcat.getEngine().addChild(host);
        return other;
    }

    /** The maintenance state of this Tomcat's Server, which its valve attached when it started. */
    MaintenanceState state() {
        return MaintenanceState.of(tomcat.getServer())
                .orElseThrow(() -> new AssertionError("no maintenance state: has the valve started?"));
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

    HttpResponse<String> send(String method, String path, String accept) {
        return send(request(path, null, accept).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * Sends {@code head} (the request line and headers, each ending in CRLF) over a plain socket, with
     * {@code Connection: close}, and returns what came back until the server closed: for requests no HTTP client
     * sends, such as a request line and a Host header that disagree.
     */
    RawResponse raw(String head) {
        try (Socket socket = new Socket("127.0.0.1", tomcat.getConnector().getLocalPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return RawResponse.of(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A response as it came over the wire.
     *
     * @param statusLine the first line
     * @param headers the header lines, as sent
     * @param body the bytes after the blank line
     */
    record RawResponse(String statusLine, List<String> headers, byte[] body) {

        static RawResponse of(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("no complete response head in [" + text + "]");
            }
            List<String> lines = List.of(text.substring(0, end).split("\r\n"));
            byte[] body = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
            return new RawResponse(lines.get(0), lines.subList(1, lines.size()), body);
        }

        Optional<String> header(String name) {
            return headers.stream()
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst();
        }
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
