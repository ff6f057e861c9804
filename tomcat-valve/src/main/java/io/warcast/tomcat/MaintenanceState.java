package io.warcast.tomcat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;
import org.apache.tomcat.util.res.StringManager;

/**
 * The server's maintenance mode: one state for the whole JVM, shared by every {@link MaintenanceValve} (one per
 * Host) and switched by the flag file, by JMX ({@value #OBJECT_NAME}) and by the Java API {@link #enter()} /
 * {@link #leave()}. Every change is logged once at INFO with who made it; switching to the state the server is
 * already in changes nothing and logs nothing.
 */
public final class MaintenanceState {

    /** The JMX name of the maintenance switch, registered while at least one valve runs. */
    public static final String OBJECT_NAME = "io.warcast:type=Maintenance";

    /** Who switches the state, as the log and {@link Change#switchedBy()} name them. */
    public static final String BY_API = "Java API";

    public static final String BY_JMX = "JMX";
    public static final String BY_CONFIGURATION = "server.xml";

    private static final Log log = LogFactory.getLog(MaintenanceState.class);
    private static final StringManager sm = StringManager.getManager(MaintenanceState.class);
    private static final MaintenanceState INSTANCE = new MaintenanceState();

    /**
     * The last change.
     *
     * @param on whether the server is in maintenance
     * @param switchedBy who made the change; empty before the first change
     * @param at when; {@code null} before the first change
     */
    public record Change(boolean on, String switchedBy, Instant at) {}

    private volatile Change current = new Change(false, "", null);
    private int valves;

    private MaintenanceState() {}

    /** The state of this JVM. */
    public static MaintenanceState get() {
        return INSTANCE;
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

    /** A valve starts: the first one registers the JMX switch. */
    synchronized void valveStarted() {
        if (valves++ == 0) {
            register();
        }
    }

    /** A valve stops: the last one unregisters the JMX switch. The state itself outlives the valves. */
    synchronized void valveStopped() {
        if (valves > 0 && --valves == 0) {
            unregister();
        }
    }

    private static void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.registerMBean(new StandardMBean(new JmxSwitch(), MaintenanceMBean.class), objectName());
        } catch (InstanceAlreadyExistsException e) {
            log.warn(sm.getString("maintenanceState.jmxTaken", OBJECT_NAME));
        } catch (JMException e) {
            log.warn(sm.getString("maintenanceState.jmxFailed", OBJECT_NAME), e);
        }
    }

    private static void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(objectName());
        } catch (InstanceNotFoundException alreadyGone) {
            // nothing to undo
        } catch (JMException e) {
            log.warn(sm.getString("maintenanceState.jmxFailed", OBJECT_NAME), e);
        }
    }

    static ObjectName objectName() {
        try {
            return new ObjectName(OBJECT_NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JMX view of the state: every change it makes is logged as made by JMX. */
    private static final class JmxSwitch implements MaintenanceMBean {

        @Override
        public boolean isMaintenance() {
            return INSTANCE.isOn();
        }

        @Override
        public void setMaintenance(boolean maintenance) {
            INSTANCE.switchTo(maintenance, BY_JMX);
        }

        @Override
        public String getSwitchedBy() {
            return INSTANCE.current().switchedBy();
        }

        @Override
        public String getSwitchedAt() {
            return Optional.ofNullable(INSTANCE.current().at())
                    .map(Instant::toString)
                    .orElse("");
        }

        @Override
        public void enter() {
            setMaintenance(true);
        }

        @Override
        public void leave() {
            setMaintenance(false);
        }
    }
}
