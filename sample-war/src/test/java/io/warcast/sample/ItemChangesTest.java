package io.warcast.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.ChangeAction;
import io.warcast.api.ColumnValues;
import io.warcast.api.DataChange;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemChangesTest {

    private final ItemCatalog catalog = ItemCatalog.seeded();

    @Test
    void aSavedItemTravelsAsCatalogItemsWithItsIdAsKey() {
        DataChange change = ItemChanges.saved(new Item(42, "Sugar bowl", 5), true);

        assertThat(change.dataSource()).isEqualTo("catalog");
        assertThat(change.table()).isEqualTo("items");
        assertThat(change.action()).isEqualTo(ChangeAction.INSERT);
        assertThat(change.primaryKeys()).containsExactly(ColumnValues.of("id", 42L));
        assertThat(change.columnValues().asMap())
                .containsExactly(Map.entry("name", "Sugar bowl"), Map.entry("stock", 5L));
    }

    @Test
    void aSavedItemThatExistedIsAnUpdate() {
        assertThat(ItemChanges.saved(new Item(1, "Teapot", 3), false).action()).isEqualTo(ChangeAction.UPDATE);
    }

    @Test
    void aDeleteCarriesOnlyTheKey() {
        DataChange change = ItemChanges.deleted(3);

        assertThat(change.action()).isEqualTo(ChangeAction.DELETE);
        assertThat(change.primaryKeys()).containsExactly(ColumnValues.of("id", 3L));
        assertThat(change.columnValues().isEmpty()).isTrue();
    }

    @Test
    void anInsertHeardAddsTheItem() {
        ItemChanges.applyTo(catalog, ItemChanges.saved(new Item(42, "Sugar bowl", 5), true));

        assertThat(catalog.get(42)).contains(new Item(42, "Sugar bowl", 5));
    }

    @Test
    void anUpdateHeardReplacesTheItem() {
        ItemChanges.applyTo(catalog, ItemChanges.saved(new Item(1, "Big teapot", 99), false));

        assertThat(catalog.get(1)).contains(new Item(1, "Big teapot", 99));
    }

    @Test
    void aDeleteHeardRemovesTheItem() {
        ItemChanges.applyTo(catalog, ItemChanges.deleted(2));

        assertThat(catalog.get(2)).isEmpty();
        assertThat(catalog.all()).extracting(Item::id).containsExactly(1L, 3L);
    }

    @Test
    void anUpdateWithoutValuesDropsTheStaleCopy() {
        DataChange keyOnly = DataChange.builder("catalog", "items", ChangeAction.UPDATE)
                .key("id", 1L)
                .build();

        ItemChanges.applyTo(catalog, keyOnly);

        assertThat(catalog.get(1)).as("item 1 is stale and must not be served").isEmpty();
    }

    @Test
    void anUpdateWithUnreadableValuesDropsTheStaleCopy() {
        DataChange wrongTypes = DataChange.builder("catalog", "items", ChangeAction.UPDATE)
                .key("id", 1L)
                .column("name", "Teapot")
                .column("stock", "many")
                .build();

        ItemChanges.applyTo(catalog, wrongTypes);

        assertThat(catalog.get(1)).isEmpty();
    }

    @Test
    void appliesEveryKeyOfAChange() {
        DataChange deleteTwo = DataChange.builder("catalog", "items", ChangeAction.DELETE)
                .key("id", 1L)
                .key("id", 3L)
                .build();

        ItemChanges.applyTo(catalog, deleteTwo);

        assertThat(catalog.all()).extracting(Item::id).containsExactly(2L);
    }

    @Test
    void leavesOtherTablesAndUnreadableKeysAlone() {
        ItemChanges.applyTo(
                catalog,
                DataChange.builder("catalog", "orders", ChangeAction.DELETE)
                        .key("id", 1L)
                        .build());
        ItemChanges.applyTo(
                catalog,
                DataChange.builder("crm", "items", ChangeAction.DELETE)
                        .key("id", 1L)
                        .build());
        ItemChanges.applyTo(
                catalog,
                DataChange.builder("catalog", "items", ChangeAction.DELETE)
                        .key("id", "1")
                        .build());

        assertThat(catalog.all()).extracting(Item::id).containsExactly(1L, 2L, 3L);
    }
}
