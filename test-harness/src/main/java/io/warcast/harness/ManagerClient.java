package io.warcast.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Tomcat's manager text interface ({@code /manager/text}), the way deploy scripts use it: versioned deployments
 * with {@code path} and {@code version}, leak detection, thread dumps.
 */
public final class ManagerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final URI managerUri;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ManagerClient(CatalinaBase base) {
        this(base.uri().resolve("manager/text/"), base.managerUser(), base.managerPassword());
    }

    public ManagerClient(URI managerUri, String user, String password) {
        this.managerUri = managerUri;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Deploys a WAR file of this machine as {@code path##version}; {@code "/"} is ROOT. */
    public String deploy(String path, String version, Path war) {
        return command("deploy?path=" + encode(path) + "&version=" + encode(version) + "&update=true&war="
                + encode(war.toAbsolutePath().toUri().toString()));
    }

    public String undeploy(String path, String version) {
        return command("undeploy?path=" + encode(path) + "&version=" + encode(version));
    }

    /**
     * Expires the sessions of {@code path##version} that have been idle for {@code idleMinutes} or more; 0 expires
     * them all. Tomcat's {@code /manager/text/expire}.
     */
    public String expireSessions(String path, String version, int idleMinutes) {
        return command("expire?path=" + encode(path) + "&version=" + encode(version) + "&idle=" + idleMinutes);
    }

    /** The deployed applications, one line each: {@code path:state:sessions:name}. */
    public List<String> list() {
        return command("list").lines().skip(1).toList();
    }

    /**
     * The applications that were stopped or undeployed but whose class loader is still in memory, after Tomcat
     * asked for a full garbage collection; empty when nothing leaked.
     */
    public List<String> findLeaks() {
        return command("findleaks?statusLine=true").lines().skip(1).toList();
    }

    public String threadDump() {
        return command("threaddump");
    }

    public String serverInfo() {
        return command("serverinfo");
    }

    /** True once the manager answers; false while Tomcat is still starting. */
    public boolean isUp() {
        try {
            return send("serverinfo").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private String command(String command) {
        HttpResponse<String> response;
        try {
            response = send(command);
        } catch (IOException e) {
            throw new UncheckedIOException("Manager command [" + command + "] failed", e);
        }
        String body = response.body();
        if (response.statusCode() != 200 || !body.startsWith("OK")) {
            throw new IllegalStateException(
                    "Manager command [" + command + "] answered " + response.statusCode() + ": " + body.strip());
        }
        return body;
    }

    private HttpResponse<String> send(String command) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(managerUri.resolve(command))
                .header("Authorization", authorization)
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the manager", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
