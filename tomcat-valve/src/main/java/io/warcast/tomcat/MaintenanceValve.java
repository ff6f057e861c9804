package io.warcast.tomcat;

import io.warcast.tomcat.MaintenanceDecision.Outcome;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.LifecycleException;
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
 * <p><b>Maintenance mode</b> is one state for the whole Tomcat Server, all its Hosts ({@link MaintenanceState}),
 * switched by the flag file (deploy scripts {@code touch} it to start and remove it to end maintenance), by JMX
 * (below) and by the Java API. While it is on, a request that carries the id of a valid
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
 * <p><b>JMX</b>: Tomcat registers the valve as {@code Catalina:type=Valve,host=localhost,name=MaintenanceValve}
 * (the domain is the Engine's name) from the {@code mbeans-descriptors.xml} of this package: the settings and the
 * state ({@link MaintenanceValveMBean}), all read-only, and the operations {@code enter} and {@code leave}.
 *
 * <p><b>Sessions:</b> for each session created through it the valve notes the client's address and user agent in
 * the session's Tomcat notes (invisible to the application), for {@link SessionInventory}.
 *
 * <p>Settings are parsed by their setters and checked when the valve initializes and starts: a bad value stops the
 * Host from starting with a message that names the attribute and the value. They are read at start, so a started
 * valve refuses to change them ({@link StartOnlySettings}). The valve has no thread of its own: the flag file is
 * looked at in {@link #backgroundProcess()}, every {@code backgroundProcessorDelay} of the Engine (10 seconds by
 * default).
 */
public class MaintenanceValve extends ValveBase {

    private static final StringManager sm = StringManager.getManager(MaintenanceValve.class);

    private final StartOnlySettings settings =
            new StartOnlySettings(() -> getState().isAvailable());

    private volatile boolean maintenance = false;
    private volatile String flagFile = "conf/warcast.maintenance";
    private volatile int retryAfterSeconds = 30;
    private volatile PathPatterns exemptPaths = PathPatterns.NONE;
    private volatile String healthPath = "/warcast/health";
    private volatile int maintenanceStatus = 503;
    private volatile int healthUpStatus = 200;
    private volatile int healthDrainStatus = 404;
    private volatile int drainIdleSeconds = 300;

    private volatile MaintenanceState state;
    private volatile MaintenanceDecision decision;
    private volatile MaintenanceAnswers answers;
    private volatile Path flagPath;
    private volatile SessionInventory inventory;

    public MaintenanceValve() {
        super(true);
    }

    /**
     * Whether the server enters maintenance when this valve starts; {@code false} by default. {@code false} leaves
     * the state as it is (another Host's valve, the flag file or JMX may have switched it on).
     */
    public void setMaintenance(String value) {
        maintenance = settings.parse("maintenance", value, StartOnlySettings::bool, maintenance);
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
        flagFile = settings.parse("flagFile", value, StartOnlySettings::path, flagFile);
    }

    public String getFlagFile() {
        return flagFile;
    }

    /** What the {@code Retry-After} header of the maintenance response says, in seconds, 1 to 86400; default 30. */
    public void setRetryAfterSeconds(String value) {
        retryAfterSeconds =
                settings.parse("retryAfterSeconds", value, StartOnlySettings.number(1, 86_400), retryAfterSeconds);
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
        exemptPaths = settings.parse("exemptPaths", value, StartOnlySettings::patterns, exemptPaths);
    }

    public String getExemptPaths() {
        return exemptPaths.toString();
    }

    /** The path of the health endpoint, answered for every context; default {@code /warcast/health}. */
    public void setHealthPath(String value) {
        healthPath = settings.parse("healthPath", value, StartOnlySettings::healthPath, healthPath);
    }

    public String getHealthPath() {
        return healthPath;
    }

    /** The status of the maintenance response, 400 to 599; default 503. */
    public void setMaintenanceStatus(String value) {
        maintenanceStatus =
                settings.parse("maintenanceStatus", value, StartOnlySettings.number(400, 599), maintenanceStatus);
    }

    public String getMaintenanceStatus() {
        return Integer.toString(maintenanceStatus);
    }

    /** The status of the health endpoint while the server is UP, 200 to 299; default 200. */
    public void setHealthUpStatus(String value) {
        healthUpStatus = settings.parse("healthUpStatus", value, StartOnlySettings.number(200, 299), healthUpStatus);
    }

    public String getHealthUpStatus() {
        return Integer.toString(healthUpStatus);
    }

    /**
     * The status of the health endpoint in MAINTENANCE and DRAINED, 200 to 499; default 404, which HAProxy's
     * {@code http-check disable-on-404} reads as "drain". Never a 5xx: that would mark the server DOWN.
     */
    public void setHealthDrainStatus(String value) {
        healthDrainStatus =
                settings.parse("healthDrainStatus", value, StartOnlySettings.number(200, 499), healthDrainStatus);
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
        drainIdleSeconds =
                settings.parse("drainIdleSeconds", value, StartOnlySettings.number(1, 86_400), drainIdleSeconds);
    }

    public String getDrainIdleSeconds() {
        return Integer.toString(drainIdleSeconds);
    }

    @Override
    protected void initInternal() throws LifecycleException {
        super.initInternal();
        settings.check();
    }

    @Override
    protected synchronized void startInternal() throws LifecycleException {
        settings.check();
        Container container = getContainer();
        if (!(container instanceof Host host)) {
            throw new LifecycleException(sm.getString("maintenanceValve.notOnHost", container));
        }
        state = MaintenanceState.attachTo(host)
                .orElseThrow(() -> new LifecycleException(sm.getString("maintenanceValve.noServer", host.getName())));
        String serverId = ServerId.of(host);
        decision = new MaintenanceDecision(healthPath, exemptPaths);
        answers = new MaintenanceAnswers(
                serverId, retryAfterSeconds, maintenanceStatus, healthUpStatus, healthDrainStatus);
        inventory = new SessionInventory(host);
        // Path.resolve keeps an absolute flagFile as it is.
        flagPath = flagFile.isEmpty() ? null : host.getCatalinaBase().toPath().resolve(flagFile);
        if (maintenance) {
            state.switchTo(true, MaintenanceState.BY_CONFIGURATION);
        }
        lookAtFlagFile();
        containerLog.info(sm.getString(
                "maintenanceValve.started",
                host.getName(),
                flagPath == null ? "-" : flagPath,
                healthPath,
                exemptPaths,
                state.isOn() ? "on" : "off",
                Integer.toString(drainIdleSeconds),
                serverId));
        super.startInternal();
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
            case HEALTH -> answers.health(response, health());
            case REJECT -> answers.reject(request, response);
            default -> {
                getNext().invoke(request, response);
                SessionNotes.noteNewSession(request);
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

    /** The sessions of this valve's Host, per application version; {@code null} before the valve started. */
    public SessionInventory sessionInventory() {
        return inventory;
    }

    private HealthReport health() {
        Duration drainIdle = Duration.ofSeconds(drainIdleSeconds);
        return HealthReport.of(state.isOn(), answers.server(), drainIdle, inventory.counts(drainIdle), exemptPaths);
    }

    /** The state of the Server, while the valve runs. */
    Optional<MaintenanceState> runningState() {
        return getState().isAvailable() ? Optional.ofNullable(state) : Optional.empty();
    }

    /** What the health endpoint says now, while the valve runs. */
    Optional<HealthReport> currentHealth() {
        return runningState().map(running -> health());
    }

    private void lookAtFlagFile() {
        Path current = flagPath;
        if (current != null && state != null) {
            state.lookAtFlagFile(current);
        }
    }
}
