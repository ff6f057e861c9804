package io.warcast.it.slf4j;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.LoggerFactory;

/** {@code GET /provider}: the class of the logger factory the application's SLF4J bound to, as plain text. */
@WebServlet("/provider")
public class Slf4jProviderServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(LoggerFactory.getILoggerFactory().getClass().getName());
    }
}
