package io.warcast.tomcat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * A Host valve placed before the maintenance valve that answers some requests itself, as Tomcat's own components
 * do, and passes them on: {@code X-Answer: error} sends {@value #ERROR_STATUS} with {@code sendError},
 * {@code X-Answer: commit} writes and flushes {@value #COMMITTED_BODY}.
 */
final class AnsweringValve extends ValveBase {

    static final int ERROR_STATUS = 429;
    static final String COMMITTED_BODY = "answered and committed before the maintenance valve";

    AnsweringValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String answer = request.getHeader("X-Answer");
        if ("error".equals(answer)) {
            response.sendError(ERROR_STATUS);
        } else if ("commit".equals(answer)) {
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(COMMITTED_BODY.getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        }
        getNext().invoke(request, response);
    }
}
