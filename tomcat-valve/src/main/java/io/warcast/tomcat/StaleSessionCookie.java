package io.warcast.tomcat;

import jakarta.servlet.http.Cookie;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.ApplicationSessionCookieConfig;

/**
 * Deletes the session cookie of a request the maintenance valve turns away, as Tomcat's
 * {@code LoadBalancerDrainingValve} does: the cookie names a session this server no longer has, and a load balancer
 * that is sticky by the cookie's route ({@code .node-a}) would keep sending its user back here.
 */
final class StaleSessionCookie {

    private StaleSessionCookie() {}

    /**
     * Adds a cookie with the name, path, domain and flags of the context's session cookie, an empty value and
     * {@code Max-Age=0}, when the request came with a session id in a cookie.
     */
    static void delete(Request request, Response response) {
        Context context = request.getContext();
        if (context == null || !request.isRequestedSessionIdFromCookie()) {
            return;
        }
        // Built the way Tomcat builds the session cookie itself, so the browser matches it and drops the old one.
        Cookie cookie = ApplicationSessionCookieConfig.createSessionCookie(context, "", request.isSecure());
        cookie.setMaxAge(0);
        response.addCookie(cookie);
    }
}
