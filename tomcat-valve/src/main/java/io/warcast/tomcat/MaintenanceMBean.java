package io.warcast.tomcat;

/**
 * Maintenance mode over JMX, registered as {@value MaintenanceState#OBJECT_NAME} while a {@link MaintenanceValve}
 * runs: the same server-wide state the flag file and the Java API switch.
 */
public interface MaintenanceMBean {

    /** True while the server is in maintenance: requests without a valid session get the maintenance response. */
    boolean isMaintenance();

    /** Switches maintenance on or off; the log says it was switched by JMX. */
    void setMaintenance(boolean maintenance);

    /** Who made the last change: {@code flag file [path]}, {@code JMX}, {@code Java API} or {@code server.xml}. */
    String getSwitchedBy();

    /** When the last change was made, ISO-8601 (UTC); empty when the state never changed. */
    String getSwitchedAt();

    /** Switches maintenance on. */
    void enter();

    /** Switches maintenance off. */
    void leave();
}
