package io.warcast.tomcat;

import org.apache.catalina.Session;
import org.apache.catalina.connector.Request;

/**
 * What the maintenance valve remembers about the client that created a session, in the session's Tomcat notes:
 * invisible to the application and never persisted or replicated with it.
 */
final class SessionNotes {

    static final String REMOTE_ADDRESS = "io.warcast.tomcat.remoteAddress";
    static final String USER_AGENT = "io.warcast.tomcat.userAgent";

    /** The longest user agent kept, in characters. */
    static final int MAX_USER_AGENT_LENGTH = 256;

    private SessionNotes() {}

    /**
     * Notes the client of the request that created the session; a session that already has notes keeps them. A
     * session created before the valve ran gets the client of the first request the valve sees for it.
     */
    static void recordClient(Session session, String remoteAddress, String userAgent) {
        if (session.getNote(REMOTE_ADDRESS) != null) {
            return;
        }
        session.setNote(USER_AGENT, userAgent == null ? "" : truncate(userAgent));
        session.setNote(REMOTE_ADDRESS, remoteAddress == null ? "" : remoteAddress);
    }

    /**
     * Notes the client of a session this request created. A session the request came with (its requested id is
     * valid) was created earlier; otherwise the request's own session, if any, is new and is already held by the
     * request, so looking it up touches nothing.
     */
    static void noteNewSession(Request request) {
        if (request.isAsync() || request.isRequestedSessionIdValid()) {
            return;
        }
        Session session = request.getSessionInternal(false);
        if (session != null) {
            recordClient(session, request.getRemoteAddr(), request.getHeader("User-Agent"));
        }
    }

    static String remoteAddress(Session session) {
        return note(session, REMOTE_ADDRESS);
    }

    static String userAgent(Session session) {
        return note(session, USER_AGENT);
    }

    private static String note(Session session, String name) {
        return session.getNote(name) instanceof String value ? value : "";
    }

    private static String truncate(String value) {
        return value.length() <= MAX_USER_AGENT_LENGTH ? value : value.substring(0, MAX_USER_AGENT_LENGTH) + "…";
    }
}
