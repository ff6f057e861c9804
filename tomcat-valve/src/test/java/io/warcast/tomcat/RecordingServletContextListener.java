package io.warcast.tomcat;

import io.warcast.api.WarcastServices;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test applications' own listener, declared in their {@code web.xml}: records what the application found in
 * its servlet context when Tomcat initialized it, and writes its start and stop into the provider's journal.
 */
public class RecordingServletContextListener implements ServletContextListener {

    /** Per application ({@code /##001}): the Warcast attribute as seen in contextInitialized, empty if absent. */
    static final Map<String, Optional<Object>> seenAtInitialization = new ConcurrentHashMap<>();

    static void reset() {
        seenAtInitialization.clear();
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String application = event.getServletContext().getInitParameter("application");
        Object service = event.getServletContext().getAttribute(WarcastServices.SERVLET_CONTEXT_ATTRIBUTE);
        seenAtInitialization.put(application, Optional.ofNullable(service));
        FakeWarcastProvider.journal.add("contextInitialized " + application);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        String application = event.getServletContext().getInitParameter("application");
        FakeWarcastProvider.journal.add("contextDestroyed " + application);
    }
}
