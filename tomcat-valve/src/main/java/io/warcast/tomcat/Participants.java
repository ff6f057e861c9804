package io.warcast.tomcat;

import io.warcast.api.WarcastServices;
import io.warcast.api.spi.ParticipantSpec;
import io.warcast.api.spi.Participation;
import io.warcast.api.spi.WarcastProvider;
import jakarta.servlet.ServletContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Context;
import org.apache.catalina.util.ContextName;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;
import org.apache.tomcat.util.res.StringManager;

/**
 * The participants of one server: the application versions (Tomcat contexts) that joined Warcast, each from its
 * start to its stop, with the provider's {@link Participation} for each (the container's handle on it).
 *
 * <p>Contexts start and stop on Tomcat's start-stop threads, several at a time, hence the concurrent map.
 */
final class Participants {

    private static final Log log = LogFactory.getLog(WarcastLifecycleListener.class);
    private static final StringManager sm = StringManager.getManager(Participants.class);

    /** A context that joined: its participation and the servlet context its service was published in. */
    private record Joined(Participation participation, ServletContext servletContext) {}

    private final WarcastProvider provider;
    private final Map<Context, Joined> joined = new ConcurrentHashMap<>();

    Participants(WarcastProvider provider) {
        this.provider = provider;
    }

    WarcastProvider provider() {
        return provider;
    }

    /**
     * Makes a starting context a participant and publishes its service as a servlet context attribute. Called while
     * the context starts, after its resources and class loader and before its initializers and listeners.
     *
     * @return {@code false} when the application must not start; the reason is logged
     */
    boolean join(Context context) {
        String application = name(context);
        leave(context); // a context that failed half-way may not have told us it stopped
        try {
            ParticipantSpec spec = new ParticipantSpec(
                    context.getPath(),
                    nullToEmpty(context.getWebappVersion()),
                    context.getLoader().getClassLoader(),
                    WebappSettings.read(context.getResources()));
            Participation participation = ServerClassLoader.call(() -> provider.join(spec));
            ServletContext servletContext = context.getServletContext();
            servletContext.setAttribute(WarcastServices.SERVLET_CONTEXT_ATTRIBUTE, participation.service());
            joined.put(context, new Joined(participation, servletContext));
            log.info(sm.getString("warcastLifecycleListener.joined", application));
            return true;
        } catch (IllegalArgumentException e) {
            log.error(sm.getString("warcastLifecycleListener.joinRejected", application, e.getMessage()));
            return false;
        } catch (RuntimeException e) {
            log.error(sm.getString("warcastLifecycleListener.joinFailed", application), e);
            return false;
        }
    }

    /** The context is stopping: its listeners are no longer called, it may still publish. */
    void stopDelivery(Context context) {
        Joined participant = joined.get(context);
        if (participant != null) {
            ServerClassLoader.run(participant.participation()::stopDelivery);
        }
    }

    /** The context stopped: its participation ends and nothing here refers to it any more. */
    void leave(Context context) {
        Joined participant = joined.remove(context);
        if (participant == null) {
            return;
        }
        try {
            ServerClassLoader.run(participant.participation()::close);
            log.info(sm.getString("warcastLifecycleListener.left", name(context)));
        } catch (RuntimeException e) {
            log.error(sm.getString("warcastLifecycleListener.leaveFailed", name(context)), e);
        } finally {
            // The captured facade, not context.getServletContext(): after a stop that would create a new one.
            participant.servletContext().removeAttribute(WarcastServices.SERVLET_CONTEXT_ATTRIBUTE);
        }
    }

    /** Ends what is left before the provider stops; normally nothing, every context has stopped by then. */
    void leaveAll() {
        joined.keySet().forEach(this::leave);
    }

    /** The application as Tomcat's manager names it: {@code /##001} for version 001 of ROOT. */
    static String name(Context context) {
        return new ContextName(context.getPath(), nullToEmpty(context.getWebappVersion())).getDisplayName();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
