package io.warcast.tomcat;

import java.time.Duration;
import org.apache.catalina.Session;

/**
 * Where a session stands for the drain, read the way Tomcat's manager reads it: from
 * {@link Session#getIdleTimeInternal()} and {@link Session#getMaxInactiveInterval()} only. Never
 * {@link Session#isValid()}, which expires a timed-out session as a side effect: looking must not end anybody's
 * session; the manager's own background expiry does that.
 */
enum SessionActivity {
    /** Used within the idle limit: its user is still there and the session holds the server. */
    ACTIVE,
    /** Not used for longer than the idle limit, but not timed out: it still lets its user in, and holds nothing. */
    IDLE,
    /** Timed out and waiting for the manager's next expiry run; counted nowhere, as Tomcat no longer accepts it. */
    TIMED_OUT;

    /**
     * @param session a session the manager holds (an invalidated session is removed from its manager before it is
     *     marked invalid, so what {@code findSessions()} returns was valid a moment ago)
     * @param idleLimit how long a session may go unused and still count as active
     */
    static SessionActivity of(Session session, Duration idleLimit) {
        if (timedOut(session)) {
            return TIMED_OUT;
        }
        return session.getIdleTimeInternal() > idleLimit.toMillis() ? IDLE : ACTIVE;
    }

    /** Whether the session has timed out, by the arithmetic of {@code StandardSession.isValid()}, without its side effect. */
    static boolean timedOut(Session session) {
        int maxInactiveSeconds = session.getMaxInactiveInterval();
        return maxInactiveSeconds > 0 && session.getIdleTimeInternal() / 1000L >= maxInactiveSeconds;
    }
}
