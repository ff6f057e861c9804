package io.warcast.broadcast.wire;

import static io.warcast.broadcast.wire.SampleEnvelopes.CHANGE_JSON;
import static io.warcast.broadcast.wire.SampleEnvelopes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.ChangeAction;
import io.warcast.api.ColumnValues;
import io.warcast.api.DataChange;
import io.warcast.api.FlushRequest;
import io.warcast.api.Origin;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WireCodecRoundTripTest {

    private final WireCodec codec = new WireCodec(WireLimits.DEFAULT);

    @Test
    void writesTheDocumentedJsonByteForByte() {
        // The contract with every other sender and receiver: field names, order and formats.
        assertThat(new String(codec.encode(SampleEnvelopes.change()), StandardCharsets.UTF_8))
                .isEqualTo(CHANGE_JSON);
    }

    @Test
    void writesFlushAndMessageAsDocumented() {
        assertThat(new String(codec.encode(SampleEnvelopes.flush()), StandardCharsets.UTF_8))
                .endsWith(",\"seq\":42,\"time\":\"2026-11-21T20:45:26.672Z\","
                        + "\"flush\":{\"dataSource\":\"catalog\",\"reason\":\"missed_changes\"}}")
                .contains("\"kind\":\"flush\"");
        Envelope flushAll =
                SampleEnvelopes.envelope(new Payload.Flush(Optional.empty(), FlushRequest.Reason.REQUESTED));
        assertThat(new String(codec.encode(flushAll), StandardCharsets.UTF_8))
                .endsWith("\"flush\":{\"dataSource\":null,\"reason\":\"requested\"}}");
        assertThat(new String(codec.encode(SampleEnvelopes.message()), StandardCharsets.UTF_8))
                .contains("\"kind\":\"message\"")
                .endsWith("\"message\":{\"channel\":\"prices\",\"body\":\"{\\\"sku\\\":\\\"K-1\\\"}\"}}");
    }

    @Test
    void readsTheDocumentedJson() {
        assertThat(codec.decode(utf8(CHANGE_JSON))).isEqualTo(new Decoded.Accepted(SampleEnvelopes.change()));
    }

    @ParameterizedTest
    @MethodSource("io.warcast.broadcast.wire.SampleEnvelopes#everyKind")
    void everyKindComesBackAsSent(Envelope envelope) {
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(new Decoded.Accepted(envelope));
    }

    @ParameterizedTest
    @EnumSource(ChangeAction.class)
    void everyActionComesBackAsSent(ChangeAction action) {
        Envelope envelope = SampleEnvelopes.envelope(new Payload.Change(
                DataChange.builder("catalog", "items", action).key("id", 7L).build()));
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(new Decoded.Accepted(envelope));
    }

    @ParameterizedTest
    @EnumSource(FlushRequest.Reason.class)
    void everyFlushReasonComesBackAsSent(FlushRequest.Reason reason) {
        Envelope envelope = SampleEnvelopes.envelope(new Payload.Flush(Optional.empty(), reason));
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(new Decoded.Accepted(envelope));
    }

    @Test
    void everyScalarTypeComesBackExactly() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("text", "Kettle");
        columns.put("unicode", "Grüße, 東京, emoji \uD83D\uDE80, quote \" backslash \\ newline \n tab \t nul \u0000");
        columns.put("empty", "");
        columns.put("yes", true);
        columns.put("no", false);
        columns.put("nothing", null);
        columns.put("long", Long.MAX_VALUE);
        columns.put("negative", Long.MIN_VALUE);
        columns.put("zero", 0L);
        columns.put("big", new BigInteger("123456789012345678901234567890"));
        columns.put("bigNegative", new BigInteger("-98765432109876543210"));
        columns.put("decimal", new BigDecimal("1234.5600"));
        columns.put("tiny", new BigDecimal("1E-30"));
        columns.put("huge", new BigDecimal("-9.99E+120"));
        Envelope envelope = SampleEnvelopes.envelope(new Payload.Change(new DataChange(
                "catalog",
                "items",
                ChangeAction.INSERT,
                java.util.List.of(ColumnValues.of("id", 1L, "tenant", "Ünïcødé")),
                ColumnValues.copyOf(columns))));

        Decoded decoded = codec.decode(codec.encode(envelope));

        assertThat(decoded).isEqualTo(new Decoded.Accepted(envelope));
        Map<String, Object> read = columnsOf(decoded);
        assertThat(read.keySet()).containsExactlyElementsOf(columns.keySet());
        assertThat(read.get("big")).isInstanceOf(BigInteger.class);
        assertThat(read.get("decimal")).isInstanceOf(BigDecimal.class).hasToString("1234.5600");
        assertThat(read.get("long")).isInstanceOf(Long.class);
    }

    @Test
    void numbersAreTypedByTheirJsonText() {
        // Documented: whole numbers decode to Long (BigInteger beyond a long), any fraction or exponent to an exact
        // BigDecimal; so a Double is read as the BigDecimal of its shortest decimal text.
        Envelope envelope =
                SampleEnvelopes.envelope(new Payload.Change(DataChange.builder("catalog", "items", ChangeAction.UPDATE)
                        .key("id", BigInteger.TEN)
                        .column("price", 0.1d)
                        .column("integral", new BigDecimal("5"))
                        .column("int", 3)
                        .build()));

        Map<String, Object> read = columnsOf(codec.decode(codec.encode(envelope)));

        assertThat(read)
                .containsEntry("price", new BigDecimal("0.1"))
                .containsEntry("integral", 5L)
                .containsEntry("int", 3L);
        assertThat(keysOf(codec.decode(codec.encode(envelope))).get("id")).isEqualTo(10L);
    }

    @Test
    void emptyColumnsAreLeftOutAndReadBackAsEmpty() {
        Envelope envelope =
                SampleEnvelopes.envelope(new Payload.Change(DataChange.builder("catalog", "items", ChangeAction.DELETE)
                        .key("id", 9L)
                        .build()));
        byte[] body = codec.encode(envelope);

        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("columns");
        assertThat(codec.decode(body)).isEqualTo(new Decoded.Accepted(envelope));
    }

    @Test
    void manyKeysWithCompoundColumnsComeBackInOrder() {
        DataChange.Builder change = DataChange.builder("catalog", "stock", ChangeAction.UPDATE);
        for (long i = 1; i <= 500; i++) {
            change.key(ColumnValues.of("warehouse", "W" + i, "item", i));
        }
        Envelope envelope = SampleEnvelopes.envelope(new Payload.Change(change.build()));
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(new Decoded.Accepted(envelope));
    }

    @Test
    void originWithContextPathAndNoVersionComesBackAsSent() {
        Envelope envelope = new Envelope(
                "id-1",
                new Origin("node-b", "/shop", "", "instance-7"),
                1,
                Instant.EPOCH,
                SampleEnvelopes.message().payload());
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(new Decoded.Accepted(envelope));
    }

    @Test
    void timeIsWrittenToTheMillisecondInUtc() {
        Envelope envelope = new Envelope(
                "id-1",
                SampleEnvelopes.ORIGIN,
                1,
                Instant.parse("2026-01-02T03:04:05.123456789Z"),
                SampleEnvelopes.message().payload());

        assertThat(new String(codec.encode(envelope), StandardCharsets.UTF_8))
                .contains("\"time\":\"2026-01-02T03:04:05.123Z\"");
        Envelope whole = new Envelope(
                "id-1",
                SampleEnvelopes.ORIGIN,
                1,
                Instant.parse("2026-01-02T03:04:05Z"),
                SampleEnvelopes.message().payload());
        assertThat(new String(codec.encode(whole), StandardCharsets.UTF_8))
                .contains("\"time\":\"2026-01-02T03:04:05.000Z\"");
    }

    @Test
    void readsFieldsInAnyOrder() {
        String reordered = "{\"change\":{\"columns\":{\"name\":\"Kettle\",\"stock\":41},\"keys\":[{\"id\":1}],"
                + "\"action\":\"update\",\"table\":\"items\",\"dataSource\":\"catalog\"},"
                + "\"time\":\"2026-11-21T20:45:26.672Z\",\"seq\":42,"
                + "\"origin\":{\"instance\":\"6f1c2d3e-4b5a-4c6d-8e7f-901234567890\",\"version\":\"002\","
                + "\"context\":\"\",\"server\":\"node-a\"},"
                + "\"kind\":\"change\",\"id\":\"0b7e3a52-9c1d-4e8f-a6b5-1c2d3e4f5a6b\",\"v\":1}";
        assertThat(codec.decode(utf8(reordered))).isEqualTo(new Decoded.Accepted(SampleEnvelopes.change()));
    }

    @Test
    void ignoresUnknownFieldsAtEveryLevel() {
        String withExtras = CHANGE_JSON
                .replace("{\"v\":1,", "{\"v\":1,\"trace\":{\"span\":[1,2,{\"deep\":[[]]}]},")
                .replace("\"server\":", "\"zone\":\"eu\",\"server\":")
                .replace("\"action\":", "\"hint\":[\"x\",{\"y\":null}],\"action\":")
                .replace("}}}", "},\"priority\":5}}");
        assertThat(codec.decode(utf8(withExtras))).isEqualTo(new Decoded.Accepted(SampleEnvelopes.change()));
    }

    @Test
    void ignoresThePayloadObjectsOfOtherKinds() {
        String extra = CHANGE_JSON.replace("{\"v\":1,", "{\"v\":1,\"flush\":[\"not\",\"a\",\"flush\"],");
        assertThat(codec.decode(utf8(extra))).isEqualTo(new Decoded.Accepted(SampleEnvelopes.change()));
    }

    @Test
    void acceptsATimeWithAnOffsetOrWithoutFraction() {
        assertThat(codec.decode(
                        utf8(SampleEnvelopes.changeWith("2026-11-21T20:45:26.672Z", "2026-11-21T21:45:26.672+01:00"))))
                .isEqualTo(new Decoded.Accepted(SampleEnvelopes.change()));
        assertThat(codec.decode(utf8(SampleEnvelopes.changeWith(".672Z", "Z"))))
                .isInstanceOfSatisfying(
                        Decoded.Accepted.class,
                        accepted -> assertThat(accepted.envelope().publishedAt())
                                .isEqualTo(Instant.parse("2026-11-21T20:45:26Z")));
    }

    private static Map<String, Object> columnsOf(Decoded decoded) {
        return changeOf(decoded).columnValues().asMap();
    }

    private static Map<String, Object> keysOf(Decoded decoded) {
        return changeOf(decoded).primaryKeys().get(0).asMap();
    }

    private static DataChange changeOf(Decoded decoded) {
        assertThat(decoded).isInstanceOf(Decoded.Accepted.class);
        Payload payload = ((Decoded.Accepted) decoded).envelope().payload();
        assertThat(payload).isInstanceOf(Payload.Change.class);
        return ((Payload.Change) payload).change();
    }
}
