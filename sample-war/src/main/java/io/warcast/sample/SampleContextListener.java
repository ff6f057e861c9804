package io.warcast.sample;

import io.warcast.api.WarcastServices;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Starts the sample app with its context: seeds the catalogue and starts listening to the other participants;
 * stops listening when the context stops.
 */
@WebListener
public final class SampleContextListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SampleContextListener.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        SampleApp app = SampleApp.create(WarcastServices.forServletContext(context));
        app.warcast().registerDataNotifyListener(app.listener());
        context.setAttribute(SampleApp.ATTRIBUTE, app);
        LOG.info(() -> "Warcast sample started as " + app.warcast().self() + " with "
                + app.catalog().size() + " items");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Object app = context.getAttribute(SampleApp.ATTRIBUTE);
        context.removeAttribute(SampleApp.ATTRIBUTE);
        if (app instanceof SampleApp sampleApp) {
            sampleApp.warcast().deregisterDataNotifyListener(sampleApp.listener());
        }
    }
}
