package io.warcast.api;

/**
 * One web application's view of Warcast: publish data changes, cache flushes and messages to every other
 * participant, and listen to theirs.
 *
 * <p>Every other participant on the same exchange hears what this one publishes: the other versions of the
 * application in this Tomcat and every application on the other servers. This participant's own listeners never
 * hear it back. Publishing never blocks on the network and never fails because a broker is away; it fails only for
 * bad arguments or after the application stopped.
 *
 * <p>Get the service with {@link WarcastServices#forServletContext}. Listeners are removed when the application
 * stops; deregistering them earlier is optional.
 */
public interface DataNotifyService {

    /** This participant: server, context path, version and instance. */
    Origin self();

    /** Publishes a change to every other participant. */
    void notifyDataChange(DataChange change);

    /**
     * Asks every other participant to drop what it has cached of a data source.
     *
     * @param dataSource the data source, or {@code null} for all of them
     */
    void flushCachedDatabaseData(String dataSource);

    /** Sends a text message to every other participant listening on the channel. */
    void sendMessage(String channel, String body);

    void registerDataNotifyListener(DataNotifyListener listener);

    void deregisterDataNotifyListener(DataNotifyListener listener);

    void registerMessageListener(String channel, AppMessageListener listener);

    void deregisterMessageListener(String channel, AppMessageListener listener);
}
