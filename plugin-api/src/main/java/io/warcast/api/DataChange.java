package io.warcast.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A change to rows of one table: what an application publishes and what every other participant hears.
 *
 * @param dataSource the logical data source (a database, a schema, a service); never blank
 * @param table the table within the data source; never blank
 * @param action insert, update or delete
 * @param primaryKeys the keys of the changed rows; at least one
 * @param columnValues the columns the change wrote, when the sender wants receivers to update rather than evict
 *     their copy; empty when not sent
 */
public record DataChange(
        String dataSource,
        String table,
        ChangeAction action,
        List<ColumnValues> primaryKeys,
        ColumnValues columnValues) {

    public DataChange {
        requireName("dataSource", dataSource);
        requireName("table", table);
        Objects.requireNonNull(action, "action");
        primaryKeys = List.copyOf(Objects.requireNonNull(primaryKeys, "primaryKeys"));
        if (primaryKeys.isEmpty()) {
            throw new IllegalArgumentException(
                    "A data change of [" + dataSource + "." + table + "] needs at least one primary key");
        }
        for (ColumnValues key : primaryKeys) {
            if (key.isEmpty()) {
                throw new IllegalArgumentException(
                        "A primary key of [" + dataSource + "." + table + "] has no columns");
            }
        }
        columnValues = columnValues == null ? ColumnValues.empty() : columnValues;
    }

    /** Starts a change of {@code dataSource.table}; add keys with {@link Builder#key}. */
    public static Builder builder(String dataSource, String table, ChangeAction action) {
        return new Builder(dataSource, table, action);
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A data change needs a " + what + ", got [" + value + "]");
        }
    }

    /** Builds a {@link DataChange}, checking it on {@link #build()}. */
    public static final class Builder {

        private final String dataSource;
        private final String table;
        private final ChangeAction action;
        private final List<ColumnValues> primaryKeys = new ArrayList<>();
        private final ColumnValues.Builder columns = ColumnValues.builder();

        private Builder(String dataSource, String table, ChangeAction action) {
            this.dataSource = dataSource;
            this.table = table;
            this.action = action;
        }

        /** Adds the key of one changed row. */
        public Builder key(ColumnValues primaryKey) {
            primaryKeys.add(Objects.requireNonNull(primaryKey, "primaryKey"));
            return this;
        }

        /** Adds the single-column key of one changed row. */
        public Builder key(String column, Object value) {
            return key(ColumnValues.of(column, value));
        }

        /** Adds a column value the change wrote. */
        public Builder column(String column, Object value) {
            columns.put(column, value);
            return this;
        }

        public DataChange build() {
            return new DataChange(dataSource, table, action, primaryKeys, columns.build());
        }
    }
}
