package io.warcast.sample;

import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyService;
import io.warcast.api.FlushRequest;
import jakarta.servlet.ServletContext;

/**
 * The parts of one running copy of the sample app, wired together. {@link SampleContextListener} builds it when
 * the app starts and {@link CatalogApiServlet} uses it.
 *
 * @param warcast this app's Warcast service
 * @param catalog this copy's items
 * @param editor changes items and tells the others
 * @param heardChanges the changes heard from the others, the newest {@value #HEARD_CHANGES_KEPT}
 * @param heardFlushes the cache flushes heard, the newest {@value #HEARD_FLUSHES_KEPT}
 * @param listener hears the others and applies what it hears to {@code catalog}
 */
public record SampleApp(
        DataNotifyService warcast,
        ItemCatalog catalog,
        CatalogEditor editor,
        BoundedLog<DataChangeEvent> heardChanges,
        BoundedLog<FlushRequest> heardFlushes,
        CatalogChangeListener listener) {

    public static final int HEARD_CHANGES_KEPT = 100_000;
    public static final int HEARD_FLUSHES_KEPT = 10_000;

    /** The servlet context attribute that holds the running app. */
    public static final String ATTRIBUTE = SampleApp.class.getName();

    /** A fresh copy with the seeded catalogue and empty logs; its listener is not registered yet. */
    public static SampleApp create(DataNotifyService warcast) {
        ItemCatalog catalog = ItemCatalog.seeded();
        BoundedLog<DataChangeEvent> heardChanges = new BoundedLog<>(HEARD_CHANGES_KEPT);
        BoundedLog<FlushRequest> heardFlushes = new BoundedLog<>(HEARD_FLUSHES_KEPT);
        return new SampleApp(
                warcast,
                catalog,
                new CatalogEditor(catalog, warcast),
                heardChanges,
                heardFlushes,
                new CatalogChangeListener(catalog, heardChanges::append, heardFlushes::append));
    }

    /**
     * The app running in a servlet context.
     *
     * @throws IllegalStateException when the app did not start
     */
    public static SampleApp of(ServletContext context) {
        Object app = context.getAttribute(ATTRIBUTE);
        if (app instanceof SampleApp sampleApp) {
            return sampleApp;
        }
        throw new IllegalStateException("The sample app is not running in this context: "
                + SampleContextListener.class.getSimpleName() + " did not start it (see the log above)");
    }
}
