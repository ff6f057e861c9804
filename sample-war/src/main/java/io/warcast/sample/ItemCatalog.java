package io.warcast.sample;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * This application instance's in-memory copy of the catalogue, safe for concurrent use by request threads and
 * Warcast's listener threads.
 */
public final class ItemCatalog {

    private final ConcurrentNavigableMap<Long, Item> items = new ConcurrentSkipListMap<>();

    /** A catalogue holding the few items every fresh instance starts with. */
    public static ItemCatalog seeded() {
        ItemCatalog catalog = new ItemCatalog();
        catalog.put(new Item(1, "Teapot", 12));
        catalog.put(new Item(2, "Espresso cup", 48));
        catalog.put(new Item(3, "Milk jug", 7));
        return catalog;
    }

    public Optional<Item> get(long id) {
        return Optional.ofNullable(items.get(id));
    }

    /** Every item, by ascending id. */
    public List<Item> all() {
        return List.copyOf(items.values());
    }

    /**
     * Adds the item or replaces the one with its id.
     *
     * @return true when the catalogue had no item with that id
     */
    public boolean put(Item item) {
        return items.put(item.id(), item) == null;
    }

    /** Removes the item with the id and returns it, or empty when there was none. */
    public Optional<Item> remove(long id) {
        return Optional.ofNullable(items.remove(id));
    }

    /** Forgets every item. */
    public void clear() {
        items.clear();
    }

    public int size() {
        return items.size();
    }
}
