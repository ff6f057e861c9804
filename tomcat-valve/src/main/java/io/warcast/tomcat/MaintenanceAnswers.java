package io.warcast.tomcat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;

/**
 * The answers the maintenance valve sends itself, with the statuses its settings chose when it started: the health
 * endpoint's and the maintenance response. Both are {@code no-store}, with a body whose length is announced.
 *
 * @param server the server's name ({@link ServerId})
 */
record MaintenanceAnswers(
        String server, int retryAfterSeconds, int maintenanceStatus, int healthUpStatus, int healthDrainStatus) {

    void health(Response response, HealthReport report) throws IOException {
        int status = report.state() == HealthReport.State.UP ? healthUpStatus : healthDrainStatus;
        send(response, status, MaintenanceResponse.JSON_TYPE, report.json());
    }

    /** The maintenance response: JSON for clients that prefer it, a short HTML page for the others. */
    void reject(Request request, Response response) throws IOException {
        MaintenanceResponse answer = new MaintenanceResponse(maintenanceStatus, server, retryAfterSeconds);
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
}
