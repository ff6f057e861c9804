package io.warcast.broadcast.wire;

import io.warcast.api.ChangeAction;
import io.warcast.api.ColumnValues;
import io.warcast.api.DataChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code change} object of a v1 message: names, action, keys and column values within the limits. */
final class ChangeReader {

    private final ValueReader values;
    private final WireLimits limits;

    ChangeReader(ValueReader values, WireLimits limits) {
        this.values = values;
        this.limits = limits;
    }

    DataChange read() throws IOException, WireFormatException {
        values.enterObject();
        String dataSource = null;
        String table = null;
        ChangeAction action = null;
        List<ColumnValues> keys = null;
        ColumnValues columns = ColumnValues.empty();
        String field;
        while ((field = values.nextField()) != null) {
            switch (field) {
                case "dataSource" -> dataSource = values.name();
                case "table" -> table = values.name();
                case "action" -> action = action();
                case "keys" -> keys = keys();
                case "columns" -> columns = columns();
                default -> values.skipValue();
            }
        }
        return new DataChange(
                values.present(dataSource, "dataSource"),
                values.present(table, "table"),
                values.present(action, "action"),
                values.present(keys, "keys"),
                columns);
    }

    private ChangeAction action() throws IOException, WireFormatException {
        String action = values.string();
        return switch (action) {
            case "insert" -> ChangeAction.INSERT;
            case "update" -> ChangeAction.UPDATE;
            case "delete" -> ChangeAction.DELETE;
            default ->
                throw WireFormatException.malformed(
                        values.here() + ": [" + ValueReader.quote(action) + "] is not insert, update or delete");
        };
    }

    private List<ColumnValues> keys() throws IOException, WireFormatException {
        values.enterArray();
        List<ColumnValues> keys = new ArrayList<>();
        while (values.nextElement()) {
            if (keys.size() == limits.maxKeys()) {
                throw WireFormatException.oversized(
                        values.here() + ": more than " + limits.maxKeys() + " keys in one change");
            }
            ColumnValues key = columns();
            if (key.isEmpty()) {
                throw WireFormatException.malformed(values.here() + ": a key needs at least one column");
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            throw WireFormatException.malformed(values.here() + ": a change needs at least one key");
        }
        return keys;
    }

    private ColumnValues columns() throws IOException, WireFormatException {
        values.enterObject();
        ColumnValues.Builder columns = ColumnValues.builder();
        int count = 0;
        String column;
        while ((column = values.nextField()) != null) {
            if (++count > limits.maxColumns()) {
                throw WireFormatException.oversized(
                        values.here() + ": more than " + limits.maxColumns() + " columns in one object");
            }
            if (column.isBlank()) {
                throw WireFormatException.malformed(values.here() + ": a column name must not be empty");
            }
            columns.put(column, values.scalar());
        }
        return columns.build();
    }
}
