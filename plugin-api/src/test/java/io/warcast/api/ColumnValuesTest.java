package io.warcast.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnValuesTest {

    @Test
    void keepsJsonScalarsAndWidensSmallNumbers() {
        ColumnValues values = ColumnValues.builder()
                .put("int", 42)
                .put("short", (short) 7)
                .put("float", 1.5f)
                .put("text", "kettle")
                .put("flag", true)
                .put("big", new BigDecimal("12.50"))
                .put("huge", BigInteger.TEN.pow(30))
                .put("nothing", null)
                .build();

        assertThat(values.get("int")).isEqualTo(42L);
        assertThat(values.get("short")).isEqualTo(7L);
        assertThat(values.get("float")).isEqualTo(1.5d);
        assertThat(values.get("big")).isEqualTo(new BigDecimal("12.50"));
        assertThat(values.contains("nothing")).isTrue();
        assertThat(values.get("nothing")).isNull();
        assertThat(values.asMap().keySet())
                .containsExactly("int", "short", "float", "text", "flag", "big", "huge", "nothing");
    }

    @Test
    void refusesOtherTypesNamingTheColumn() {
        assertThatThrownBy(() -> ColumnValues.of("created", new java.util.Date()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[created]")
                .hasMessageContaining("java.util.Date")
                .hasMessageContaining("expected String, Boolean, Long");
        assertThatThrownBy(() -> ColumnValues.of("ratio", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[ratio]");
        assertThatThrownBy(() -> ColumnValues.of(" ", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isImmutableAndComparesByContent() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", 1);
        ColumnValues values = ColumnValues.copyOf(source);
        source.put("id", 2);

        assertThat(values.get("id")).isEqualTo(1L);
        assertThat(values).isEqualTo(ColumnValues.of("id", 1L)).hasSameHashCodeAs(ColumnValues.of("id", 1));
        assertThatThrownBy(() -> values.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ColumnValues.copyOf(Map.of())).isSameAs(ColumnValues.empty());
        assertThat(List.of(values.size(), ColumnValues.empty().size())).containsExactly(1, 0);
    }
}
