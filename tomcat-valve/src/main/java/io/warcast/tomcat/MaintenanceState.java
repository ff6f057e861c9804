package io.warcast.tomcat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Server;
import org.apache.catalina.Service;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;
import org.apache.tomcat.util.res.StringManager;

/**
 * The maintenance mode of one Tomcat {@link Server}: one state shared by the {@link MaintenanceValve} of each of its
 * Hosts, switched by the flag file, by JMX (each valve's {@code enter} and {@code leave}) and by the Java API
 * {@link #enter()} / {@link #leave()}. Every change is logged once at INFO with who made it; switching to the state
 * the server is already in changes nothing and logs nothing.
 *
 * <p>The Server holds it: the first valve to start adds it to the Server's lifecycle listeners, and it removes itself
 * when the Server stops, so it lasts one run of the Server and two Servers in one JVM have two states. Code that
 * reaches the Server, or any container inside it, finds it with {@link #of(Server)} or {@link #of(Container)}: an
 * admin page installed as a privileged web application does so from its own Context, as Tomcat's Manager reaches
 * its Host.
 */
public final class MaintenanceState implements LifecycleListener {

    /** Who switches the state, as the log and {@link Change#switchedBy()} name them. */
    public static final String BY_API = "Java API";

    public static final String BY_JMX = "JMX";
    public static final String BY_CONFIGURATION = "server.xml";

    private static final Log log = LogFactory.getLog(MaintenanceState.class);
    private static final StringManager sm = StringManager.getManager(MaintenanceState.class);

    /**
     * The last change.
     *
     * @param on whether the server is in maintenance
     * @param switchedBy who made the change; empty before the first change
     * @param at when; {@code null} before the first change
     */
    public record Change(boolean on, String switchedBy, Instant at) {}

    private final Map<Path, FlagFile> flagFiles = new ConcurrentHashMap<>();
    private volatile Change current = new Change(false, "", null);

    MaintenanceState() {}

    /** The maintenance state of {@code server}; empty while no maintenance valve of it has started. */
    public static Optional<MaintenanceState> of(Server server) {
        return Arrays.stream(server.findLifecycleListeners())
                .filter(MaintenanceState.class::isInstance)
                .map(MaintenanceState.class::cast)
                .findFirst();
    }

    /** The maintenance state of the Server {@code container} belongs to; empty outside a Server or without one. */
    public static Optional<MaintenanceState> of(Container container) {
        return serverOf(container).flatMap(MaintenanceState::of);
    }

    /** The state of the Server {@code container} belongs to, added to it when it has none yet. */
    static Optional<MaintenanceState> attachTo(Container container) {
        return serverOf(container).map(server -> {
            // Hosts may start on several start-stop threads at once: one state per Server all the same.
            synchronized (MaintenanceState.class) {
                return of(server).orElseGet(() -> {
                    MaintenanceState state = new MaintenanceState();
                    server.addLifecycleListener(state);
                    return state;
                });
            }
        });
    }

    private static Optional<Server> serverOf(Container container) {
        Container current = container;
        while (current != null && !(current instanceof Engine)) {
            current = current.getParent();
        }
        return Optional.ofNullable((Engine) current).map(Engine::getService).map(Service::getServer);
    }

    /** The Server stopped: the state goes with this run of it. */
    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (Lifecycle.AFTER_STOP_EVENT.equals(event.getType()) && event.getLifecycle() instanceof Server server) {
            server.removeLifecycleListener(this);
        }
    }

    public boolean isOn() {
        return current.on();
    }

    /** The last change and who made it. */
    public Change current() {
        return current;
    }

    /** Puts the server into maintenance; the log says the Java API did it. */
    public void enter() {
        switchTo(true, BY_API);
    }

    /** Ends maintenance; the log says the Java API did it. */
    public void leave() {
        switchTo(false, BY_API);
    }

    /**
     * Switches to {@code on}, saying who did it.
     *
     * @return true when this changed the state, false when it was already so
     */
    synchronized boolean switchTo(boolean on, String switchedBy) {
        Objects.requireNonNull(switchedBy, "switchedBy");
        if (current.on() == on) {
            return false;
        }
        current = new Change(on, switchedBy, Instant.now());
        log.info(sm.getString(on ? "maintenanceState.on" : "maintenanceState.off", switchedBy));
        return true;
    }

    /**
     * Looks at a flag file and switches when it appeared or disappeared since the last look. The file is looked at
     * once per Server, whichever Host's valve looks: Hosts that share it see each change once.
     */
    void lookAtFlagFile(Path path) {
        flagFiles
                .computeIfAbsent(path, FlagFile::new)
                .look()
                .ifPresent(on -> switchTo(on, sm.getString("maintenanceState.byFlagFile", path)));
    }
}
