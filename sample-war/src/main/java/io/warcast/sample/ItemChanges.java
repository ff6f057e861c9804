package io.warcast.sample;

import io.warcast.api.ChangeAction;
import io.warcast.api.ColumnValues;
import io.warcast.api.DataChange;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a catalogue item travels as a Warcast {@link DataChange}: data source {@value #DATA_SOURCE}, table
 * {@value #TABLE}, key column {@value #ID} (a number) and, for inserts and updates, columns {@value #NAME} (a
 * string) and {@value #STOCK} (a number).
 */
public final class ItemChanges {

    public static final String DATA_SOURCE = "catalog";
    public static final String TABLE = "items";
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String STOCK = "stock";

    private static final Logger LOG = Logger.getLogger(ItemChanges.class.getName());

    private ItemChanges() {}

    /** The change that tells others about a saved item: an insert when it was new here, else an update. */
    public static DataChange saved(Item item, boolean created) {
        return DataChange.builder(DATA_SOURCE, TABLE, created ? ChangeAction.INSERT : ChangeAction.UPDATE)
                .key(ID, item.id())
                .column(NAME, item.name())
                .column(STOCK, item.stock())
                .build();
    }

    /** The change that tells others an item was deleted. */
    public static DataChange deleted(long id) {
        return DataChange.builder(DATA_SOURCE, TABLE, ChangeAction.DELETE)
                .key(ID, id)
                .build();
    }

    /** True when the change is about the catalogue's items. */
    public static boolean concernsItems(DataChange change) {
        return DATA_SOURCE.equals(change.dataSource()) && TABLE.equals(change.table());
    }

    /**
     * Brings the catalogue in line with a change another participant published. An insert or update that carries
     * a valid name and stock replaces the item; one that does not (the sender sent only the key, or values this
     * app cannot read) removes this copy's item, since it is stale now; a delete removes it. Changes to other
     * tables and keys that are not whole numbers are left alone.
     */
    public static void applyTo(ItemCatalog catalog, DataChange change) {
        if (!concernsItems(change)) {
            return;
        }
        for (ColumnValues key : change.primaryKeys()) {
            if (!(key.get(ID) instanceof Long id)) {
                LOG.warning(() -> "Ignoring a change of " + DATA_SOURCE + "." + TABLE + " whose key " + key
                        + " has no whole-number [" + ID + "]");
                continue;
            }
            if (change.action() == ChangeAction.DELETE) {
                catalog.remove(id);
                continue;
            }
            try {
                catalog.put(itemFrom(id, change.columnValues()));
            } catch (IllegalArgumentException unreadable) {
                LOG.log(Level.FINE, "Dropping item [" + id + "] from the cache: " + unreadable.getMessage());
                catalog.remove(id);
            }
        }
    }

    private static Item itemFrom(long id, ColumnValues columns) {
        if (!(columns.get(NAME) instanceof String name)) {
            throw new IllegalArgumentException("the change has no string column [" + NAME + "]");
        }
        if (!(columns.get(STOCK) instanceof Long stock) || stock < Integer.MIN_VALUE || stock > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the change has no whole-number column [" + STOCK + "]");
        }
        return new Item(id, name, Math.toIntExact(stock));
    }
}
