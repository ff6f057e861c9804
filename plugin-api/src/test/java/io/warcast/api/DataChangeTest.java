package io.warcast.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataChangeTest {

    @Test
    void builderCollectsKeysAndColumns() {
        DataChange change = DataChange.builder("catalog", "items", ChangeAction.UPDATE)
                .key("id", 7)
                .key("id", 8)
                .column("stock", 3)
                .build();

        assertThat(change.primaryKeys()).containsExactly(ColumnValues.of("id", 7L), ColumnValues.of("id", 8L));
        assertThat(change.columnValues()).isEqualTo(ColumnValues.of("stock", 3L));
    }

    @Test
    void refusesAChangeWithoutKeysOrNames() {
        assertThatThrownBy(() -> DataChange.builder("catalog", "items", ChangeAction.DELETE)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A data change of [catalog.items] needs at least one primary key");
        assertThatThrownBy(() -> DataChange.builder(" ", "items", ChangeAction.DELETE)
                        .key("id", 1)
                        .build())
                .hasMessageContaining("needs a dataSource");
        assertThatThrownBy(() -> DataChange.builder("catalog", "items", ChangeAction.DELETE)
                        .key(ColumnValues.empty())
                        .build())
                .hasMessageContaining("has no columns");
    }

    @Test
    void keysAreCopiedAndColumnValuesDefaultToEmpty() {
        List<ColumnValues> keys = new ArrayList<>(List.of(ColumnValues.of("id", 1)));
        DataChange change = new DataChange("catalog", "items", ChangeAction.INSERT, keys, null);
        keys.clear();

        assertThat(change.primaryKeys()).hasSize(1);
        assertThat(change.columnValues()).isSameAs(ColumnValues.empty());
    }

    @Test
    void actionCodesAreServoys() {
        assertThat(ChangeAction.ofCode(1)).isEqualTo(ChangeAction.DELETE);
        assertThat(ChangeAction.ofCode(2)).isEqualTo(ChangeAction.INSERT);
        assertThat(ChangeAction.UPDATE.code()).isEqualTo(3);
        assertThatThrownBy(() -> ChangeAction.ofCode(4)).hasMessageContaining("[4]");
    }

    @Test
    void originNamesTheApplicationLikeTomcatsManager() {
        assertThat(new Origin("node-a", "", "001", "x").application()).isEqualTo("/##001");
        assertThat(new Origin("node-a", "/shop", "", "x").application()).isEqualTo("/shop");
        assertThat(new Origin("node-a", "/shop", "002", "x")).hasToString("node-a/shop##002");
    }
}
