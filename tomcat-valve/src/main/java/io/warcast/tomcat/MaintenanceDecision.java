package io.warcast.tomcat;

import java.util.function.BooleanSupplier;

/**
 * What the maintenance valve does with a request, decided in one place, top to bottom. Pure: the request's
 * session is looked up only when the answer depends on it.
 */
final class MaintenanceDecision {

    enum Outcome {
        /** Tomcat, or a valve before, has already answered (an error, a committed response): pass untouched. */
        ALREADY_ANSWERED(true),
        /** Answer the health endpoint. */
        HEALTH(false),
        /** Not in maintenance: pass. */
        NOT_IN_MAINTENANCE(true),
        /** The path is exempt: pass. */
        EXEMPT(true),
        /** A valid session of the target context: pass untouched, whatever the method. */
        VALID_SESSION(true),
        /** Would start a new session (none, unknown, expired): answer with the maintenance response. */
        REJECT(false);

        private final boolean passes;

        Outcome(boolean passes) {
            this.passes = passes;
        }

        boolean passes() {
            return passes;
        }
    }

    private final String healthPath;
    private final PathPatterns exemptPaths;

    MaintenanceDecision(String healthPath, PathPatterns exemptPaths) {
        this.healthPath = healthPath;
        this.exemptPaths = exemptPaths;
    }

    /**
     * @param path the decoded request URI
     * @param alreadyAnswered whether the response already is an error or committed
     * @param maintenance whether the server is in maintenance
     * @param hasValidSession whether the request carries the id of a valid session of the context it is mapped to
     */
    Outcome decide(String path, boolean alreadyAnswered, boolean maintenance, BooleanSupplier hasValidSession) {
        if (alreadyAnswered) {
            return Outcome.ALREADY_ANSWERED;
        }
        if (path.equals(healthPath)) {
            return Outcome.HEALTH;
        }
        if (!maintenance) {
            return Outcome.NOT_IN_MAINTENANCE;
        }
        if (exemptPaths.matches(path)) {
            return Outcome.EXEMPT;
        }
        if (hasValidSession.getAsBoolean()) {
            return Outcome.VALID_SESSION;
        }
        return Outcome.REJECT;
    }
}
