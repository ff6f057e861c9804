package io.warcast.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.ChangeAction;
import io.warcast.api.ColumnValues;
import io.warcast.api.DataChange;
import org.junit.jupiter.api.Test;

class CatalogEditorTest {

    private final ItemCatalog catalog = ItemCatalog.seeded();
    private final FakeDataNotifyService warcast = new FakeDataNotifyService();
    private final CatalogEditor editor = new CatalogEditor(catalog, warcast);

    @Test
    void savingANewItemStoresItAndPublishesAnInsert() {
        editor.save(new Item(9, "Saucer", 20));

        assertThat(catalog.get(9)).contains(new Item(9, "Saucer", 20));
        assertThat(warcast.published).containsExactly(ItemChanges.saved(new Item(9, "Saucer", 20), true));
        assertThat(warcast.published.get(0).action()).isEqualTo(ChangeAction.INSERT);
    }

    @Test
    void savingAKnownItemPublishesAnUpdate() {
        editor.save(new Item(1, "Teapot", 0));

        assertThat(warcast.published).extracting(DataChange::action).containsExactly(ChangeAction.UPDATE);
        assertThat(warcast.published.get(0).columnValues().asMap()).containsEntry("stock", 0L);
    }

    @Test
    void deletingPublishesADelete() {
        assertThat(editor.delete(3))
                .hasValueSatisfying(item -> assertThat(item.name()).isEqualTo("Milk jug"));

        assertThat(catalog.get(3)).isEmpty();
        assertThat(warcast.published).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(ChangeAction.DELETE);
            assertThat(change.primaryKeys()).containsExactly(ColumnValues.of("id", 3L));
        });
    }

    @Test
    void restockingAddsToTheStockAndPublishesAnUpdate() {
        assertThat(editor.restock(1, 8)).contains(new Item(1, "Teapot", 20));

        assertThat(catalog.get(1)).contains(new Item(1, "Teapot", 20));
        assertThat(warcast.published).containsExactly(ItemChanges.saved(new Item(1, "Teapot", 20), false));
        assertThat(editor.restock(404, 1)).isEmpty();
        assertThat(warcast.published).hasSize(1);
    }

    @Test
    void deletingAnAbsentItemPublishesNothing() {
        assertThat(editor.delete(404)).isEmpty();

        assertThat(warcast.published).isEmpty();
    }
}
