package io.warcast.tomcat;

import io.warcast.api.ClientInfo;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The test applications of the maintenance tests, one instance per version: {@code /login} creates a session and
 * labels it, {@code /logout} invalidates it, anything else answers without creating one. Every answer says which
 * version answered.
 */
final class SessionServlet extends HttpServlet {

    private final String version;

    SessionServlet(String version) {
        this.version = version;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String session;
        if (path.equals("/login")) {
            HttpSession created = request.getSession(true);
            ClientInfo.attach(created, "client", "test-ui " + version);
            session = "created";
        } else if (path.equals("/logout")) {
            HttpSession existing = request.getSession(false);
            if (existing != null) {
                existing.invalidate();
            }
            session = "invalidated";
        } else {
            session = request.getSession(false) == null ? "none" : "present";
        }
        response.setContentType("text/plain");
        response.getWriter().print("version=" + version + " session=" + session + " method=" + request.getMethod());
    }
}
