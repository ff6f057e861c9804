package io.warcast.it.probe;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /probe/state}: {@code thrown=<n>} and {@code recorded=<ids>} as plain text lines. */
@WebServlet("/state")
public class ProbeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println("thrown=" + ProbeListeners.thrown.get());
        response.getWriter().println("recorded=" + String.join(",", ProbeListeners.recorded));
    }
}
