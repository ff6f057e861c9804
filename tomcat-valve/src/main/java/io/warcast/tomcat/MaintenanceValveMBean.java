package io.warcast.tomcat;

import java.time.Instant;
import java.util.Optional;
import javax.management.MBeanException;
import org.apache.catalina.mbeans.BaseCatalinaMBean;
import org.apache.tomcat.util.res.StringManager;

/**
 * The JMX view of a running {@link MaintenanceValve}, as Tomcat's {@code ContextMBean} is of a Context: the
 * valve's {@code mbeans-descriptors.xml} names this class, and Tomcat's model MBean looks each attribute and
 * operation up here first and then on the valve, which answers the settings. Here: the state of the Server the
 * valve's Host belongs to, and its switch.
 */
public class MaintenanceValveMBean extends BaseCatalinaMBean<MaintenanceValve> {

    private static final StringManager sm = StringManager.getManager(MaintenanceValveMBean.class);

    /** Tomcat's Registry creates it, for each valve it registers. */
    public MaintenanceValveMBean() {}

    public boolean isMaintenanceOn() throws MBeanException {
        return running().map(MaintenanceState::isOn).orElse(false);
    }

    /** {@code UP}, {@code MAINTENANCE} or {@code DRAINED}, as the health endpoint says; empty when not started. */
    public String getHealthState() throws MBeanException {
        return doGetManagedResource()
                .currentHealth()
                .map(report -> report.state().name())
                .orElse("");
    }

    public String getSwitchedBy() throws MBeanException {
        return running().map(state -> state.current().switchedBy()).orElse("");
    }

    /** ISO-8601 (UTC); empty before the first change. */
    public String getSwitchedAt() throws MBeanException {
        return running()
                .map(state -> state.current().at())
                .map(Instant::toString)
                .orElse("");
    }

    public int getActiveSessions() throws MBeanException {
        return doGetManagedResource()
                .currentHealth()
                .map(HealthReport::activeSessions)
                .orElse(0);
    }

    /** Puts the Server into maintenance; the log says JMX did it. */
    public void enter() throws MBeanException {
        switchTo(true);
    }

    /** Ends maintenance; the log says JMX did it. */
    public void leave() throws MBeanException {
        switchTo(false);
    }

    private void switchTo(boolean on) throws MBeanException {
        running()
                .orElseThrow(() -> new IllegalStateException(sm.getString("maintenanceValve.notStarted")))
                .switchTo(on, MaintenanceState.BY_JMX);
    }

    private Optional<MaintenanceState> running() throws MBeanException {
        return doGetManagedResource().runningState();
    }
}
