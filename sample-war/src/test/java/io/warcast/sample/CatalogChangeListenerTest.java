package io.warcast.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.ChangeAction;
import io.warcast.api.DataChange;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.FlushRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogChangeListenerTest {

    private final ItemCatalog catalog = ItemCatalog.seeded();
    private final BoundedLog<DataChangeEvent> heardChanges = new BoundedLog<>(10);
    private final BoundedLog<FlushRequest> heardFlushes = new BoundedLog<>(10);
    private final CatalogChangeListener listener =
            new CatalogChangeListener(catalog, heardChanges::append, heardFlushes::append);

    @Test
    void appliesAndRecordsAChange() {
        DataChangeEvent event = Events.heard(1, ItemChanges.saved(new Item(2, "Espresso cup", 0), false));

        listener.notifyDataChange(event);

        assertThat(catalog.get(2)).contains(new Item(2, "Espresso cup", 0));
        assertThat(heardChanges.all()).containsExactly(event);
    }

    @Test
    void appliesTheChangeBeforeRecordingIt() {
        List<Optional<Item>> itemWhenRecorded = new ArrayList<>();
        CatalogChangeListener observed =
                new CatalogChangeListener(catalog, event -> itemWhenRecorded.add(catalog.get(1)), heardFlushes::append);

        observed.notifyDataChange(Events.heard(1, ItemChanges.deleted(1)));

        assertThat(itemWhenRecorded)
                .as("a client that sees the entry in the heard log must see item 1 gone")
                .containsExactly(Optional.empty());
    }

    @Test
    void recordsChangesOfOtherTablesWithoutTouchingTheCatalogue() {
        DataChangeEvent event = Events.heard(
                1,
                DataChange.builder("crm", "customers", ChangeAction.DELETE)
                        .key("id", 1L)
                        .build());

        listener.notifyDataChange(event);

        assertThat(heardChanges.all()).containsExactly(event);
        assertThat(catalog.size()).isEqualTo(3);
    }

    @Test
    void aFlushOfTheCatalogClearsItAndIsRecorded() {
        FlushRequest flush =
                new FlushRequest(Optional.of("catalog"), FlushRequest.Reason.REQUESTED, Optional.of(Events.OTHER));

        listener.flushCachedDatabaseData(flush);

        assertThat(catalog.all()).isEmpty();
        assertThat(heardFlushes.all()).containsExactly(flush);
    }

    @Test
    void aFlushOfEverythingClearsTheCatalog() {
        listener.flushCachedDatabaseData(
                new FlushRequest(Optional.empty(), FlushRequest.Reason.MISSED_CHANGES, Optional.empty()));

        assertThat(catalog.all()).isEmpty();
    }

    @Test
    void aFlushOfAnotherDataSourceIsRecordedButKeepsTheCatalog() {
        FlushRequest flush =
                new FlushRequest(Optional.of("crm"), FlushRequest.Reason.REQUESTED, Optional.of(Events.OTHER));

        listener.flushCachedDatabaseData(flush);

        assertThat(catalog.size()).isEqualTo(3);
        assertThat(heardFlushes.all()).containsExactly(flush);
    }
}
