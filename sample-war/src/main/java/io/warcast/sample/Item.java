package io.warcast.sample;

import java.util.Objects;

/**
 * One catalogue item.
 *
 * @param id the item's key, positive
 * @param name what the item is called; never blank
 * @param stock how many are in stock; never negative
 */
public record Item(long id, String name, int stock) {

    public Item {
        if (id <= 0) {
            throw new IllegalArgumentException("An item id must be positive, got [" + id + "]");
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Item [" + id + "] needs a name");
        }
        if (stock < 0) {
            throw new IllegalArgumentException("Item [" + id + "] cannot have a negative stock, got [" + stock + "]");
        }
    }
}
