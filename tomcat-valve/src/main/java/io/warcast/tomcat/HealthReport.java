package io.warcast.tomcat;

import io.warcast.tomcat.SessionInventory.ContextCount;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What the health endpoint says: the state and the sessions per application version.
 *
 * <ul>
 *   <li>{@code UP}: not in maintenance;
 *   <li>{@code MAINTENANCE}: in maintenance, and a session of a context that maintenance drains is active (used
 *       within {@code drainIdle});
 *   <li>{@code DRAINED}: in maintenance and no such session is active. Idle sessions may be left: they still let
 *       their users in should they come back, but no longer hold the server.
 * </ul>
 *
 * <p>A context whose whole path is exempt ({@code exemptPaths="/manager/*"}) is listed with {@code "exempt":true}
 * but its sessions do not count: maintenance never stops it from creating sessions, so waiting for them would keep
 * the server from ever draining (an operator's manager session would do it). {@code totalSessions},
 * {@code activeSessions} and {@code idleSessions} count the sessions that do count.
 *
 * @param server the server's name ({@link ServerId})
 * @param drainIdle how long a session may go unused and still hold the server
 */
record HealthReport(State state, String server, Duration drainIdle, List<ContextCount> contexts, PathPatterns exempt) {

    enum State {
        UP,
        MAINTENANCE,
        DRAINED
    }

    static HealthReport of(
            boolean maintenance, String server, Duration drainIdle, List<ContextCount> contexts, PathPatterns exempt) {
        State state = !maintenance
                ? State.UP
                : counted(contexts, exempt, ContextCount::active) > 0 ? State.MAINTENANCE : State.DRAINED;
        return new HealthReport(state, server, drainIdle, contexts, exempt);
    }

    /**
     * {@code {"state":"MAINTENANCE","server":"node-a","sessions":[{"context":"/","version":"001","active":3,
     * "idle":2,"exempt":false}],"totalSessions":5,"activeSessions":3,"idleSessions":2,"drainIdleSeconds":300}}
     */
    String json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", state.name());
        json.put("server", server);
        json.put(
                "sessions",
                contexts.stream()
                        .map(context -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("context", context.path());
                            entry.put("version", context.version());
                            entry.put("active", context.active());
                            entry.put("idle", context.idle());
                            entry.put("exempt", exempt.coversContext(context.path()));
                            return entry;
                        })
                        .toList());
        int active = activeSessions();
        int idle = counted(contexts, exempt, ContextCount::idle);
        json.put("totalSessions", active + idle);
        json.put("activeSessions", active);
        json.put("idleSessions", idle);
        json.put("drainIdleSeconds", drainIdle.toSeconds());
        return Json.write(json);
    }

    /** The sessions that hold the server in maintenance: used within {@code drainIdle}, of a drained context. */
    int activeSessions() {
        return counted(contexts, exempt, ContextCount::active);
    }

    private static int counted(List<ContextCount> contexts, PathPatterns exempt, ToIntFunction<ContextCount> count) {
        return contexts.stream()
                .filter(context -> !exempt.coversContext(context.path()))
                .mapToInt(count)
                .sum();
    }
}
