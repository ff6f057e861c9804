package io.warcast.api;

/**
 * Hears the data changes and cache flushes that other participants publish.
 *
 * <p>Warcast calls a listener on its own threads, never on the publishing request thread, one event at a time and
 * in the order each sender published. A listener that is slow or throws holds up only itself. The web
 * application's class loader is the thread's context class loader during the call.
 */
public interface DataNotifyListener {

    /** A row or rows changed in another participant. */
    void notifyDataChange(DataChangeEvent event);

    /**
     * Drop what is cached of the data source the request names, or of all data sources. Called when another
     * participant asks for it, and when Warcast lost changes that this listener should have heard.
     */
    default void flushCachedDatabaseData(FlushRequest request) {}
}
