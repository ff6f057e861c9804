package io.warcast.tomcat;

import io.warcast.api.spi.WarcastProvider;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.ContainerEvent;
import org.apache.catalina.ContainerListener;
import org.apache.catalina.Context;
import org.apache.catalina.Engine;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Server;
import org.apache.catalina.Service;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;
import org.apache.tomcat.util.res.StringManager;

/**
 * Starts Warcast with Tomcat and hands every web application its {@code DataNotifyService}. Configured once, inside
 * {@code <Server>} in {@code server.xml}:
 *
 * <pre>{@code <Listener className="io.warcast.tomcat.WarcastLifecycleListener"/>}</pre>
 *
 * <p>Like Tomcat's own {@code ThreadLocalLeakPreventionListener} it follows every Engine and Host as a
 * {@link ContainerListener} and every Context as a {@link LifecycleListener}, including the ones HostConfig or the
 * manager deploy later.
 *
 * <p>Why these events (read in Tomcat 10.1 {@code core/ContainerBase.java}, {@code core/StandardContext.java},
 * {@code util/LifecycleBase.java}, {@code startup/ContextConfig.java}):
 *
 * <ul>
 *   <li>Server {@code before_init}: the first event of all, fired by {@code Catalina.load()} (and by
 *       {@code catalina.sh configtest}) before any Service or Connector initialises, once {@code server.xml} has been
 *       read. The provider's settings are checked here, starting nothing: a bad setting ends a Tomcat that Catalina
 *       runs with exit status 1, and fails an embedded Tomcat's {@code init()} ({@link StartRefusal}).
 *   <li>Server {@code before_start}: fired before any Service, Engine, Host or Context starts, so the provider is up
 *       before the first application, whether it is declared in {@code server.xml} or deployed by HostConfig when
 *       its Host starts. A failure here is refused the same way.
 *   <li>{@code ContainerBase.addChildInternal} fires {@code addChild} <em>before</em> it starts the child, so a
 *       Context deployed later (HostConfig, the manager's {@code deploy?path=/&version=002}) carries this listener
 *       before its first lifecycle event.
 *   <li>Context {@code configure_start}: {@code StandardContext.startInternal} fires it after {@code resourcesStart()}
 *       (so {@code WEB-INF/warcast.properties} can be read) and after the web application class loader started, and
 *       before the {@code ServletContainerInitializer}s and {@code listenerStart()}: the application's own code finds
 *       its service already there. A bad setting marks the context not configured, the way {@code ContextConfig}
 *       fails a broken {@code web.xml}: Tomcat then logs the start failure and cleans up with {@code stop()} (a
 *       controlled failure; throwing would leave the context half started and fail its whole Host when it is
 *       declared in {@code server.xml}). This listener is added after the {@code ContextConfig} that HostConfig, the
 *       server.xml rules and {@code Tomcat.addWebapp} add before {@code addChild}, so its verdict is the last word.
 *   <li>Context {@code before_stop}: fired before {@code listenerStop()}, so no Warcast listener of the application
 *       runs while it is being destroyed; {@code after_stop}: fired when the application and its class loader have
 *       stopped, also after a failed start. The participation is closed and forgotten there.
 *   <li>Server {@code after_start}: every Host has started and deployed its applications ({@code HostConfig}
 *       deploys on the Host's {@code start} event), so each has joined or failed; the provider may now hand them what
 *       other servers sent while this one was away.
 *   <li>Server {@code after_stop}: every Service and so every Context has stopped; the provider stops last.
 * </ul>
 */
public class WarcastLifecycleListener implements LifecycleListener, ContainerListener {

    private static final Log log = LogFactory.getLog(WarcastLifecycleListener.class);
    private static final StringManager sm = StringManager.getManager(WarcastLifecycleListener.class);

    private final ProviderStartup startup;
    private final Set<Context> contexts = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean misplacementReported = new AtomicBoolean();
    private volatile Participants participants;

    /** The listener {@code server.xml} configures. */
    public WarcastLifecycleListener() {
        this(StartRefusal.endingTheProcess());
    }

    WarcastLifecycleListener(StartRefusal refusal) {
        this.startup = new ProviderStartup(refusal);
    }

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        Lifecycle lifecycle = event.getLifecycle();
        String type = event.getType();
        if (lifecycle instanceof Server server) {
            if (Lifecycle.BEFORE_INIT_EVENT.equals(type)) {
                startup.check(server);
            } else if (Lifecycle.BEFORE_START_EVENT.equals(type)) {
                serverStarting(server);
            } else if (Lifecycle.AFTER_START_EVENT.equals(type)) {
                serverStarted();
            } else if (Lifecycle.AFTER_STOP_EVENT.equals(type)) {
                serverStopped();
            }
        } else if (lifecycle instanceof Context context && contexts.contains(context)) {
            contextEvent(context, type);
        } else if (misplacementReported.compareAndSet(false, true)) {
            log.error(sm.getString("warcastLifecycleListener.misplaced", lifecycle));
        }
    }

    @Override
    public void containerEvent(ContainerEvent event) {
        try {
            if (Container.ADD_CHILD_EVENT.equals(event.getType())) {
                follow((Container) event.getData());
            } else if (Container.REMOVE_CHILD_EVENT.equals(event.getType())) {
                unfollow((Container) event.getData());
            }
        } catch (RuntimeException e) {
            log.error(sm.getString("warcastLifecycleListener.containerEventFailed", event.getType()), e);
        }
    }

    private void serverStarting(Server server) {
        if (participants != null) {
            return;
        }
        startup.start(server).ifPresent(provider -> {
            participants = new Participants(provider);
            Arrays.stream(server.findServices()).map(Service::getContainer).forEach(this::follow);
        });
    }

    private void serverStarted() {
        Participants current = participants;
        if (current == null) {
            return;
        }
        try {
            ServerClassLoader.run(current.provider()::serverStarted);
        } catch (RuntimeException e) {
            log.error(
                    sm.getString(
                            "warcastLifecycleListener.serverStartedFailed",
                            current.provider().name()),
                    e);
        }
    }

    private void serverStopped() {
        Participants stopping = participants;
        if (stopping == null) {
            return;
        }
        participants = null;
        stopping.leaveAll();
        WarcastProvider provider = stopping.provider();
        try {
            ServerClassLoader.run(provider::stop);
            log.info(sm.getString("warcastLifecycleListener.providerStopped", provider.name()));
        } catch (RuntimeException e) {
            log.error(sm.getString("warcastLifecycleListener.providerStopFailed", provider.name()), e);
        }
    }

    private void contextEvent(Context context, String type) {
        Participants current = participants;
        if (current == null) {
            return;
        }
        switch (type) {
            case Lifecycle.CONFIGURE_START_EVENT -> {
                if (!current.join(context)) {
                    context.setConfigured(false);
                }
            }
            case Lifecycle.BEFORE_STOP_EVENT -> current.stopDelivery(context);
            case Lifecycle.AFTER_STOP_EVENT -> current.leave(context);
            default -> {
                // nothing to do
            }
        }
    }

    /** Follows a container and everything below it, the way ThreadLocalLeakPreventionListener does. */
    private void follow(Container container) {
        if (container instanceof Context context) {
            if (contexts.add(context)) {
                context.addLifecycleListener(this);
            }
        } else if (container instanceof Engine || container instanceof Host) {
            if (!Arrays.asList(container.findContainerListeners()).contains(this)) {
                container.addContainerListener(this);
            }
            Arrays.stream(container.findChildren()).forEach(this::follow);
        }
    }

    private void unfollow(Container container) {
        if (container instanceof Context context) {
            if (contexts.remove(context)) {
                context.removeLifecycleListener(this);
            }
        } else if (container instanceof Engine || container instanceof Host) {
            container.removeContainerListener(this);
            Arrays.stream(container.findChildren()).forEach(this::unfollow);
        }
    }
}
