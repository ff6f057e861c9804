package io.warcast.sample;

import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyListener;
import io.warcast.api.FlushRequest;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps this instance's catalogue in step with what the other participants publish, and writes down what it
 * heard.
 *
 * <p>A change is applied before it is recorded, so a client that sees an entry in the heard log also sees its
 * effect on the catalogue.
 */
public final class CatalogChangeListener implements DataNotifyListener {

    private final ItemCatalog catalog;
    private final Consumer<DataChangeEvent> changeRecorder;
    private final Consumer<FlushRequest> flushRecorder;

    /**
     * @param catalog the catalogue to keep in step
     * @param changeRecorder writes down a change heard, typically {@link BoundedLog#append}
     * @param flushRecorder writes down a flush request heard
     */
    public CatalogChangeListener(
            ItemCatalog catalog, Consumer<DataChangeEvent> changeRecorder, Consumer<FlushRequest> flushRecorder) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.changeRecorder = Objects.requireNonNull(changeRecorder, "changeRecorder");
        this.flushRecorder = Objects.requireNonNull(flushRecorder, "flushRecorder");
    }

    @Override
    public void notifyDataChange(DataChangeEvent event) {
        ItemChanges.applyTo(catalog, event.change());
        changeRecorder.accept(event);
    }

    @Override
    public void flushCachedDatabaseData(FlushRequest request) {
        if (request.covers(ItemChanges.DATA_SOURCE)) {
            catalog.clear();
        }
        flushRecorder.accept(request);
    }
}
