package io.warcast.sample;

import io.warcast.api.DataNotifyService;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes this instance's catalogue on behalf of its users and tells every other participant.
 *
 * <p>A change and its announcement happen under one lock, so the others hear concurrent edits in the order they
 * were applied here. Holding the lock is cheap: publishing never waits for the network.
 */
public final class CatalogEditor {

    private final ItemCatalog catalog;
    private final DataNotifyService notifier;
    private final Object lock = new Object();

    public CatalogEditor(ItemCatalog catalog, DataNotifyService notifier) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    /** Saves the item and publishes an insert when it is new to this instance, else an update. */
    public void save(Item item) {
        synchronized (lock) {
            boolean created = catalog.put(item);
            notifier.notifyDataChange(ItemChanges.saved(item, created));
        }
    }

    /**
     * Adds to an item's stock and publishes the update; returns the item as it is now, or empty (publishing
     * nothing) when absent.
     */
    public Optional<Item> restock(long id, int amount) {
        synchronized (lock) {
            Optional<Item> restocked = catalog.get(id)
                    .map(item ->
                            new Item(id, item.name(), (int) Math.min(Integer.MAX_VALUE, (long) item.stock() + amount)));
            restocked.ifPresent(item -> {
                catalog.put(item);
                notifier.notifyDataChange(ItemChanges.saved(item, false));
            });
            return restocked;
        }
    }

    /** Deletes the item and publishes the delete; returns the item, or empty (publishing nothing) when absent. */
    public Optional<Item> delete(long id) {
        synchronized (lock) {
            Optional<Item> removed = catalog.remove(id);
            removed.ifPresent(item -> notifier.notifyDataChange(ItemChanges.deleted(id)));
            return removed;
        }
    }
}
