package io.warcast.tomcat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tomcat.util.security.Escape;

/**
 * The body of the maintenance answer: JSON for clients that prefer it, else a short HTML page. Never empty.
 *
 * @param status the HTTP status
 * @param server the server's name ({@link ServerId})
 * @param retryAfterSeconds what the {@code Retry-After} header says
 */
record MaintenanceResponse(int status, String server, int retryAfterSeconds) {

    static final String JSON_TYPE = "application/json;charset=UTF-8";
    static final String HTML_TYPE = "text/html;charset=UTF-8";

    /** {@code {"status":503,"state":"MAINTENANCE","server":"node-a","retryAfterSeconds":30}} */
    String json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("state", "MAINTENANCE");
        json.put("server", server);
        json.put("retryAfterSeconds", retryAfterSeconds);
        return Json.write(json);
    }

    String html() {
        String title = status + " - Down for maintenance";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + title + "</title></head>\n"
                + "<body><h1>Down for maintenance</h1>\n"
                + "<p>This server is being updated. Please try again in " + retryAfterSeconds + " seconds.</p>\n"
                + "<p><small>Server " + Escape.htmlElementContent(server) + "</small></p>\n"
                + "</body></html>\n";
    }
}
