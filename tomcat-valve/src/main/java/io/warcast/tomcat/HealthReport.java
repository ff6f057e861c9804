package io.warcast.tomcat;

import io.warcast.tomcat.SessionInventory.ContextCount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the health endpoint says: the state and the sessions per application version.
 *
 * <ul>
 *   <li>{@code UP}: not in maintenance;
 *   <li>{@code MAINTENANCE}: in maintenance, sessions are still active;
 *   <li>{@code DRAINED}: in maintenance and no session left in any context that maintenance drains.
 * </ul>
 *
 * <p>A context whose whole path is exempt ({@code exemptPaths="/manager/*"}) is listed with {@code "exempt":true}
 * but its sessions do not count: maintenance never stops it from creating sessions, so waiting for them would keep
 * the server from ever draining (an operator's manager session would do it). {@code totalSessions} counts the
 * sessions that do count.
 */
record HealthReport(State state, String server, List<ContextCount> contexts, PathPatterns exempt) {

    enum State {
        UP,
        MAINTENANCE,
        DRAINED
    }

    static HealthReport of(boolean maintenance, String server, List<ContextCount> contexts, PathPatterns exempt) {
        int counted = counted(contexts, exempt);
        State state = !maintenance ? State.UP : counted > 0 ? State.MAINTENANCE : State.DRAINED;
        return new HealthReport(state, server, contexts, exempt);
    }

    int totalSessions() {
        return counted(contexts, exempt);
    }

    /**
     * {@code {"state":"UP","server":"node-a","sessions":[{"context":"/","version":"001","active":3,"exempt":false}],
     * "totalSessions":3}}
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
                            entry.put("exempt", exempt.coversContext(context.path()));
                            return entry;
                        })
                        .toList());
        json.put("totalSessions", totalSessions());
        return Json.write(json);
    }

    private static int counted(List<ContextCount> contexts, PathPatterns exempt) {
        return contexts.stream()
                .filter(context -> !exempt.coversContext(context.path()))
                .mapToInt(ContextCount::active)
                .sum();
    }
}
