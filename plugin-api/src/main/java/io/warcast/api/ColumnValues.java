package io.warcast.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered set of column values: a row's primary key or the columns a change wrote.
 *
 * <p>Values are restricted to what JSON can carry without loss or ambiguity, so that every participant
 * (including one written in another language) reads exactly what was sent: {@link String}, {@link Boolean},
 * {@link Long}, {@link BigInteger}, {@link Double}, {@link BigDecimal} and {@code null}. {@link Integer},
 * {@link Short} and {@link Byte} are widened to {@code Long}, {@link Float} to {@code Double}. Anything else, and
 * non-finite doubles, is refused with an {@link IllegalArgumentException} that names the column.
 */
public final class ColumnValues {

    private static final ColumnValues EMPTY = new ColumnValues(Map.of());

    private final Map<String, Object> values;

    private ColumnValues(Map<String, Object> values) {
        this.values = values;
    }

    /** No columns. */
    public static ColumnValues empty() {
        return EMPTY;
    }

    /** One column, the common case of a single-column primary key. */
    public static ColumnValues of(String column, Object value) {
        return builder().put(column, value).build();
    }

    /** Two columns, for example a compound key. */
    public static ColumnValues of(String column1, Object value1, String column2, Object value2) {
        return builder().put(column1, value1).put(column2, value2).build();
    }

    /** Copies a map, keeping its iteration order. */
    public static ColumnValues copyOf(Map<String, ?> columns) {
        Builder builder = builder();
        columns.forEach(builder::put);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of a column, or {@code null} when it is absent or null. */
    public Object get(String column) {
        return values.get(column);
    }

    public boolean contains(String column) {
        return values.containsKey(column);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }

    /** The columns in the order they were added; unmodifiable, may contain null values. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ColumnValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects columns in order; a column added twice keeps its last value. */
    public static final class Builder {

        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {}

        public Builder put(String column, Object value) {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("A column name must not be null or blank, got [" + column + "]");
            }
            values.put(column, normalize(column, value));
            return this;
        }

        public ColumnValues build() {
            return values.isEmpty()
                    ? EMPTY
                    : new ColumnValues(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }

        private static Object normalize(String column, Object value) {
            if (value == null
                    || value instanceof String
                    || value instanceof Boolean
                    || value instanceof Long
                    || value instanceof BigInteger
                    || value instanceof BigDecimal) {
                return value;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                if (!Double.isFinite(number)) {
                    throw new IllegalArgumentException(
                            "Column [" + column + "] has the value [" + number + "]; JSON has no NaN or infinity");
                }
                return number;
            }
            throw new IllegalArgumentException("Column ["
                    + column
                    + "] has a value of type ["
                    + Objects.requireNonNull(value).getClass().getName()
                    + "]; expected String, Boolean, Long, BigInteger, Double, BigDecimal or null");
        }
    }
}
