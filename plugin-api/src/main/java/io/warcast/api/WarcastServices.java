package io.warcast.api;

import jakarta.servlet.ServletContext;

/** Finds a web application's {@link DataNotifyService}. */
public final class WarcastServices {

    /**
     * The servlet context attribute under which the container integration publishes the application's service
     * before the application's own listeners start.
     */
    public static final String SERVLET_CONTEXT_ATTRIBUTE = DataNotifyService.class.getName();

    private WarcastServices() {}

    /**
     * The service of the application that owns {@code servletContext}.
     *
     * @throws IllegalStateException saying what is missing when Warcast is not installed in this server
     */
    public static DataNotifyService forServletContext(ServletContext servletContext) {
        Object service = servletContext.getAttribute(SERVLET_CONTEXT_ATTRIBUTE);
        if (service instanceof DataNotifyService dataNotifyService) {
            return dataNotifyService;
        }
        String application = servletContext.getContextPath().isEmpty() ? "/" : servletContext.getContextPath();
        if (service == null) {
            throw new IllegalStateException(MissingServiceMessages.noServiceForApplication(application));
        }
        throw new IllegalStateException("The servlet context attribute ["
                + SERVLET_CONTEXT_ATTRIBUTE
                + "] of application ["
                + application
                + "] holds a ["
                + service.getClass().getName()
                + "] that this application cannot use as a DataNotifyService: plugin-api must be in"
                + " $CATALINA_BASE/lib only, not also in the application's WEB-INF/lib");
    }
}
