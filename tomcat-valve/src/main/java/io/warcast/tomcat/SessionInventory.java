package io.warcast.tomcat;

import io.warcast.api.ClientInfo;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;

/**
 * The sessions of every application version of a Host, as plain records for the health endpoint and the admin
 * page. Session ids are masked ({@link #maskId}): no full session id ever leaves this class.
 *
 * <p>Only live sessions are listed: a session that has timed out but waits for the manager's next expiry run is
 * left out, as Tomcat no longer accepts it. Looking never expires, invalidates or touches a session
 * ({@link SessionActivity}).
 */
public final class SessionInventory {

    /** How many characters of a session id are shown. */
    static final int SHOWN_ID_CHARACTERS = 6;

    private final Host host;
    private final Clock clock;

    public SessionInventory(Host host) {
        this(host, Clock.systemUTC());
    }

    SessionInventory(Host host, Clock clock) {
        this.host = host;
        this.clock = clock;
    }

    /**
     * One context (one version of one application) and how many live sessions it has.
     *
     * @param path the context path, {@code /} for ROOT
     * @param version the parallel-deployment version, {@code ""} when the application is not versioned
     * @param active the sessions used within the idle limit
     * @param idle the sessions unused for longer than the idle limit that have not timed out
     */
    public record ContextCount(String path, String version, int active, int idle) {}

    /**
     * One context and its live sessions, the least recently used first.
     *
     * @param path the context path, {@code /} for ROOT
     * @param version the parallel-deployment version, {@code ""} when the application is not versioned
     */
    public record ContextSessions(String path, String version, List<SessionView> sessions) {}

    /**
     * One session, as an operator may see it.
     *
     * @param maskedId the first {@value #SHOWN_ID_CHARACTERS} characters of the id and an ellipsis
     * @param created when the session was created
     * @param lastAccessed when a request last used it
     * @param idle how long it has not been used
     * @param expiresIn how long until it times out if unused; {@code null} when it never times out
     * @param remoteAddress the address of the client that created it, {@code ""} when unknown
     * @param userAgent the user agent of the client that created it, {@code ""} when unknown
     * @param principal the name of the user logged in through it, {@code ""} when none
     * @param clientInfo the labels the application attached with {@link ClientInfo#attach}
     */
    public record SessionView(
            String maskedId,
            Instant created,
            Instant lastAccessed,
            Duration idle,
            Duration expiresIn,
            String remoteAddress,
            String userAgent,
            String principal,
            Map<String, String> clientInfo) {}

    /**
     * Every context of the Host with its live sessions counted as active or idle, by path then version.
     *
     * @param idleLimit how long a session may go unused and still count as active
     */
    public List<ContextCount> counts(Duration idleLimit) {
        List<ContextCount> counts = new ArrayList<>();
        for (Context context : contexts()) {
            Map<SessionActivity, Long> byActivity = sessions(context).stream()
                    .collect(Collectors.groupingBy(
                            session -> SessionActivity.of(session, idleLimit), Collectors.counting()));
            counts.add(new ContextCount(
                    displayPath(context),
                    version(context),
                    byActivity.getOrDefault(SessionActivity.ACTIVE, 0L).intValue(),
                    byActivity.getOrDefault(SessionActivity.IDLE, 0L).intValue()));
        }
        return counts;
    }

    /** Every context of the Host with its live sessions, by path then version. */
    public List<ContextSessions> sessions() {
        Instant now = clock.instant();
        List<ContextSessions> result = new ArrayList<>();
        for (Context context : contexts()) {
            List<SessionView> views = sessions(context).stream()
                    .filter(session -> !SessionActivity.timedOut(session))
                    .sorted(Comparator.comparingLong(Session::getLastAccessedTimeInternal))
                    .map(session -> view(session, now))
                    .toList();
            result.add(new ContextSessions(displayPath(context), version(context), views));
        }
        return result;
    }

    /** A session id as it may be shown: {@code 3F2A9C…}. */
    public static String maskId(String id) {
        if (id == null || id.length() <= SHOWN_ID_CHARACTERS) {
            return "…";
        }
        return id.substring(0, SHOWN_ID_CHARACTERS) + "…";
    }

    private List<Context> contexts() {
        return Arrays.stream(host.findChildren())
                .filter(Context.class::isInstance)
                .map(Context.class::cast)
                .sorted(Comparator.comparing(SessionInventory::displayPath).thenComparing(SessionInventory::version))
                .toList();
    }

    /** The sessions the context's manager holds, timed-out ones included. */
    private static List<Session> sessions(Context context) {
        Manager manager = context.getManager();
        if (manager == null || !context.getState().isAvailable()) {
            return List.of();
        }
        return Arrays.asList(manager.findSessions());
    }

    private static SessionView view(Session session, Instant now) {
        Instant created = Instant.ofEpochMilli(session.getCreationTimeInternal());
        Instant lastAccessed = Instant.ofEpochMilli(session.getLastAccessedTimeInternal());
        Duration idle = nonNegative(Duration.between(lastAccessed, now));
        int maxInactiveSeconds = session.getMaxInactiveInterval();
        Duration expiresIn = maxInactiveSeconds <= 0
                ? null
                : nonNegative(Duration.ofSeconds(maxInactiveSeconds).minus(idle));
        Principal principal = session.getPrincipal();
        return new SessionView(
                maskId(session.getIdInternal()),
                created,
                lastAccessed,
                idle,
                expiresIn,
                SessionNotes.remoteAddress(session),
                SessionNotes.userAgent(session),
                principal == null ? "" : principal.getName(),
                clientInfo(session));
    }

    private static Map<String, String> clientInfo(Session session) {
        try {
            return ClientInfo.read(session.getSession());
        } catch (IllegalStateException invalidatedMeanwhile) {
            return Map.of();
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    static String displayPath(Context context) {
        String path = context.getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    static String version(Context context) {
        String version = context.getWebappVersion();
        return version == null ? "" : version;
    }
}
