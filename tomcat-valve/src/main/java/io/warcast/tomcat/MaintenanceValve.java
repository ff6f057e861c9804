package io.warcast.tomcat;

import io.warcast.tomcat.MaintenanceDecision.Outcome;
import jakarta.servlet.ServletException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.apache.catalina.Host;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Server;
import org.apache.catalina.Service;
import org.apache.catalina.Session;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.res.StringManager;

/**
 * Zero-downtime upgrades for a Host: maintenance mode and a health endpoint for the load balancer. Configured once
 * inside {@code <Host>} in {@code server.xml}:
 *
 * <pre>{@code <Valve className="io.warcast.tomcat.MaintenanceValve" exemptPaths="/manager/*"/>}</pre>
 *
 * <p><b>Maintenance mode</b> is one state for the whole server ({@link MaintenanceState}), switched by the flag file
 * (deploy scripts {@code touch} it to start and remove it to end maintenance), by JMX ({@value
 * MaintenanceState#OBJECT_NAME}) and by the Java API. While it is on, a request that carries the id of a valid
 * session of the context it is mapped to passes untouched, whatever its method: users who are working finish their
 * work. With parallel deployment Tomcat's mapper has already sent such a request to the version that owns the
 * session, so users of {@code ROOT##001} stay on 001 while {@code ROOT##002} is the newest. Every other request
 * (no session cookie, an unknown or expired session id, a POST without a session) would start a new session and
 * gets {@code maintenanceStatus} (503) with {@code Retry-After}, {@code Cache-Control: no-store}, a cookie that
 * deletes the stale session cookie it came with, if any, and a short body:
 * JSON {@code {"status":503,"state":"MAINTENANCE","server":"node-a","retryAfterSeconds":30}} for clients that
 * prefer {@code application/json}, a short HTML page for the others. A request Tomcat has already answered (an
 * error such as TRACE's 405, or a committed response) passes on untouched, in maintenance or not.
 *
 * <p><b>The health endpoint</b> at {@code healthPath} is answered here, before any context, with the state and the
 * sessions per application version ({@link HealthReport}): {@code UP} with {@code healthUpStatus} (200);
 * {@code MAINTENANCE} (a session was used within {@code drainIdleSeconds}) and {@code DRAINED} (none was) with
 * {@code healthDrainStatus} (404). Never a 5xx: with HAProxy's
 *
 * <pre>
 * option httpchk GET /warcast/health
 * http-check disable-on-404
 * </pre>
 *
 * a 404 puts the server into NOLB: HAProxy keeps sending the requests of its sticky sessions but no new ones, and
 * never marks it DOWN (which would break those sessions). Once the health says {@code DRAINED} the server can be
 * stopped.
 *
 * <p><b>Sessions:</b> for each session created through it the valve notes the client's address and user agent in
 * the session's Tomcat notes (invisible to the application), for {@link SessionInventory}.
 *
 * <p>Settings are parsed by their setters and checked when the valve initializes and starts: a bad value stops the
 * Host from starting with a message that names the attribute and the value. The valve has no thread of its own:
 * the flag file is looked at in {@link #backgroundProcess()}, every {@code backgroundProcessorDelay} of the
 * Engine (10 seconds by default).
 */
public class MaintenanceValve extends ValveBase {

    private static final StringManager sm = StringManager.getManager(MaintenanceValve.class);

    private final MaintenanceState state = MaintenanceState.get();
    private final Map<String, String> invalidSettings = new LinkedHashMap<>();

    private volatile boolean maintenance = false;
    private volatile String flagFile = "conf/warcast.maintenance";
    private volatile int retryAfterSeconds = 30;
    private volatile PathPatterns exemptPaths = PathPatterns.NONE;
    private volatile String healthPath = "/warcast/health";
    private volatile int maintenanceStatus = 503;
    private volatile int healthUpStatus = 200;
    private volatile int healthDrainStatus = 404;
    private volatile int drainIdleSeconds = 300;

    private volatile MaintenanceDecision decision = new MaintenanceDecision(healthPath, exemptPaths);
    private volatile FlagFile flag;
    private volatile SessionInventory inventory;
    private volatile String serverId;

    public MaintenanceValve() {
        super(true);
    }

    /**
     * Whether the server enters maintenance when this valve starts; {@code false} by default. {@code false} leaves
     * the state as it is (another Host's valve, the flag file or JMX may have switched it on).
     */
    public void setMaintenance(String value) {
        invalidSettings.remove("maintenance");
        if ("true".equalsIgnoreCase(value == null ? "" : value.strip())) {
            maintenance = true;
        } else if ("false".equalsIgnoreCase(value == null ? "" : value.strip())) {
            maintenance = false;
        } else {
            invalid("maintenance", value, sm.getString("maintenanceValve.expectedBoolean"));
        }
    }

    public String getMaintenance() {
        return Boolean.toString(maintenance);
    }

    /**
     * The flag file: while it exists the server is in maintenance. Relative paths are resolved against
     * {@code $CATALINA_BASE}; empty for no flag file. Default {@code conf/warcast.maintenance}. Looked at in
     * {@link #backgroundProcess()}: it acts when it appears or disappears, so JMX can still switch in between.
     */
    public void setFlagFile(String value) {
        invalidSettings.remove("flagFile");
        String path = value == null ? "" : value.strip();
        try {
            Path.of(path);
            flagFile = path;
        } catch (InvalidPathException e) {
            invalid("flagFile", value, sm.getString("maintenanceValve.expectedPath", e.getReason()));
        }
    }

    public String getFlagFile() {
        return flagFile;
    }

    /** What the {@code Retry-After} header of the maintenance response says, in seconds, 1 to 86400; default 30. */
    public void setRetryAfterSeconds(String value) {
        retryAfterSeconds = number("retryAfterSeconds", value, 1, 86_400, retryAfterSeconds);
    }

    public String getRetryAfterSeconds() {
        return Integer.toString(retryAfterSeconds);
    }

    /**
     * Paths that pass in maintenance, a comma list of patterns ({@code /health}, {@code /static/*}, {@code *.css},
     * see {@link PathPatterns}) matched against the request URI with its context path; empty by default. A
     * context whose whole path is exempt ({@code /manager/*}) does not keep the server from draining.
     */
    public void setExemptPaths(String value) {
        invalidSettings.remove("exemptPaths");
        try {
            exemptPaths = PathPatterns.parse(value);
            decision = new MaintenanceDecision(healthPath, exemptPaths);
        } catch (IllegalArgumentException e) {
            invalid("exemptPaths", value, sm.getString("maintenanceValve.expectedPatterns", e.getMessage()));
        }
    }

    public String getExemptPaths() {
        return exemptPaths.toString();
    }

    /** The path of the health endpoint, answered for every context; default {@code /warcast/health}. */
    public void setHealthPath(String value) {
        invalidSettings.remove("healthPath");
        String path = value == null ? "" : value.strip();
        if (path.startsWith("/") && path.indexOf('*') < 0 && path.indexOf('?') < 0) {
            healthPath = path;
            decision = new MaintenanceDecision(healthPath, exemptPaths);
        } else {
            invalid("healthPath", value, sm.getString("maintenanceValve.expectedHealthPath"));
        }
    }

    public String getHealthPath() {
        return healthPath;
    }

    /** The status of the maintenance response, 400 to 599; default 503. */
    public void setMaintenanceStatus(String value) {
        maintenanceStatus = number("maintenanceStatus", value, 400, 599, maintenanceStatus);
    }

    public String getMaintenanceStatus() {
        return Integer.toString(maintenanceStatus);
    }

    /** The status of the health endpoint while the server is UP, 200 to 299; default 200. */
    public void setHealthUpStatus(String value) {
        healthUpStatus = number("healthUpStatus", value, 200, 299, healthUpStatus);
    }

    public String getHealthUpStatus() {
        return Integer.toString(healthUpStatus);
    }

    /**
     * The status of the health endpoint in MAINTENANCE and DRAINED, 200 to 499; default 404, which HAProxy's
     * {@code http-check disable-on-404} reads as "drain". Never a 5xx: that would mark the server DOWN.
     */
    public void setHealthDrainStatus(String value) {
        healthDrainStatus = number("healthDrainStatus", value, 200, 499, healthDrainStatus);
    }

    public String getHealthDrainStatus() {
        return Integer.toString(healthDrainStatus);
    }

    /**
     * How long a session may go unused and still hold the server in maintenance, in seconds, 1 to 86400; default
     * 300. A session idle for longer no longer keeps the health from saying {@code DRAINED}, though it still lets
     * its user in until it times out: counting never expires a session.
     */
    public void setDrainIdleSeconds(String value) {
        drainIdleSeconds = number("drainIdleSeconds", value, 1, 86_400, drainIdleSeconds);
    }

    public String getDrainIdleSeconds() {
        return Integer.toString(drainIdleSeconds);
    }

    @Override
    protected void initInternal() throws LifecycleException {
        super.initInternal();
        if (!invalidSettings.isEmpty()) {
            throw new LifecycleException(String.join("; ", invalidSettings.values()));
        }
    }

    @Override
    protected synchronized void startInternal() throws LifecycleException {
        if (!invalidSettings.isEmpty()) {
            throw new LifecycleException(String.join("; ", invalidSettings.values()));
        }
        Container container = getContainer();
        if (!(container instanceof Host host)) {
            throw new LifecycleException(sm.getString("maintenanceValve.notOnHost", container));
        }
        serverId = ServerId.of(host);
        inventory = new SessionInventory(host);
        flag = flagFile.isEmpty() ? null : new FlagFile(resolve(flagFile, host));
        state.valveStarted();
        if (maintenance) {
            state.switchTo(true, MaintenanceState.BY_CONFIGURATION);
        }
        lookAtFlagFile();
        containerLog.info(sm.getString(
                "maintenanceValve.started",
                host.getName(),
                flag == null ? "-" : flag.path(),
                healthPath,
                exemptPaths,
                state.isOn() ? "on" : "off",
                Integer.toString(drainIdleSeconds),
                serverId));
        super.startInternal();
    }

    @Override
    protected synchronized void stopInternal() throws LifecycleException {
        super.stopInternal();
        state.valveStopped();
    }

    /** Looks at the flag file; called by the Host's background processor. */
    @Override
    public void backgroundProcess() {
        lookAtFlagFile();
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String path = request.getDecodedRequestURI();
        Outcome outcome = decision.decide(
                path == null ? "" : path,
                alreadyAnswered(response),
                state.isOn(),
                // Tomcat found the requested id among the valid sessions of the context the mapper chose. Unlike
                // getSessionInternal(false) this does not mark the session accessed.
                request::isRequestedSessionIdValid);
        switch (outcome) {
            case HEALTH -> health(response);
            case REJECT -> reject(request, response);
            default -> {
                getNext().invoke(request, response);
                noteNewSession(request);
            }
        }
    }

    /**
     * Whether Tomcat answered before the Host's pipeline, or a valve before this one did. {@code sendError} marks
     * the response as an error (TRACE's 405, an invalid URI's 400), which the ErrorReportValve after this one
     * renders; but the HTTP processor refuses some requests by setting only the status (a request line and a Host
     * header that disagree), so any status from 400 on counts too: a request enters the Host with 200 otherwise.
     */
    private static boolean alreadyAnswered(Response response) {
        return response.isCommitted() || response.isError() || response.getStatus() >= 400;
    }

    /** The sessions of this valve's Host, per application version; empty before the valve started. */
    public SessionInventory sessionInventory() {
        return inventory;
    }

    private void health(Response response) throws IOException {
        Duration drainIdle = Duration.ofSeconds(drainIdleSeconds);
        HealthReport report =
                HealthReport.of(state.isOn(), serverId, drainIdle, inventory.counts(drainIdle), exemptPaths);
        int status = report.state() == HealthReport.State.UP ? healthUpStatus : healthDrainStatus;
        send(response, status, MaintenanceResponse.JSON_TYPE, report.json());
    }

    private void reject(Request request, Response response) throws IOException {
        MaintenanceResponse answer = new MaintenanceResponse(maintenanceStatus, serverId, retryAfterSeconds);
        response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
        StaleSessionCookie.delete(request, response);
        if (AcceptHeader.prefersJson(request.getHeader("Accept"))) {
            send(response, maintenanceStatus, MaintenanceResponse.JSON_TYPE, answer.json());
        } else {
            send(response, maintenanceStatus, MaintenanceResponse.HTML_TYPE, answer.html());
        }
    }

    private static void send(Response response, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Notes the client of a session this request created. A session the request came with (its requested id is
     * valid) was created earlier; otherwise the request's own session, if any, is new and is already held by the
     * request, so looking it up touches nothing.
     */
    private static void noteNewSession(Request request) {
        if (request.isAsync() || request.isRequestedSessionIdValid()) {
            return;
        }
        Session session = request.getSessionInternal(false);
        if (session != null) {
            SessionNotes.recordClient(session, request.getRemoteAddr(), request.getHeader("User-Agent"));
        }
    }

    private void lookAtFlagFile() {
        FlagFile current = flag;
        if (current != null) {
            current.look()
                    .ifPresent(on -> state.switchTo(on, sm.getString("maintenanceValve.byFlagFile", current.path())));
        }
    }

    private int number(String attribute, String value, int min, int max, int current) {
        invalidSettings.remove(attribute);
        try {
            int number = Integer.parseInt(value == null ? "" : value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        invalid(
                attribute,
                value,
                sm.getString("maintenanceValve.expectedNumber", Integer.toString(min), Integer.toString(max)));
        return current;
    }

    private void invalid(String attribute, String value, String expected) {
        invalidSettings.put(attribute, sm.getString("maintenanceValve.invalidSetting", attribute, value, expected));
    }

    private static Path resolve(String flagFile, Host host) {
        Path path = Path.of(flagFile);
        if (path.isAbsolute()) {
            return path;
        }
        return catalinaBase(host).resolve(path);
    }

    private static Path catalinaBase(Host host) {
        if (host.getParent() instanceof Engine engine) {
            Service service = engine.getService();
            Server server = service == null ? null : service.getServer();
            if (server != null && server.getCatalinaBase() != null) {
                return server.getCatalinaBase().toPath();
            }
        }
        return new File(System.getProperty("catalina.base", ".")).toPath();
    }
}
