package io.warcast.broadcast.wire;

import static io.warcast.broadcast.wire.SampleEnvelopes.CHANGE_JSON;
import static io.warcast.broadcast.wire.SampleEnvelopes.MESSAGE_ID;
import static io.warcast.broadcast.wire.SampleEnvelopes.ORIGIN;
import static io.warcast.broadcast.wire.SampleEnvelopes.changeWith;
import static io.warcast.broadcast.wire.SampleEnvelopes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.broadcast.wire.Decoded.RejectReason;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WireCodecRejectTest {

    private final WireCodec codec = new WireCodec(WireLimits.DEFAULT);

    static Stream<Arguments> badBodies() {
        return Stream.of(
                // Not JSON, not one object.
                bad("", RejectReason.MALFORMED, "expected a JSON object, got the end of the body"),
                bad("Kettle", RejectReason.MALFORMED, "not valid JSON: Unrecognized token 'Kettle'"),
                bad("[1,2]", RejectReason.MALFORMED, "expected a JSON object, got an array"),
                bad("\"text\"", RejectReason.MALFORMED, "expected a JSON object, got a string"),
                bad(CHANGE_JSON + " {}", RejectReason.MALFORMED, "trailing content after the JSON object"),
                bad(CHANGE_JSON.substring(0, 100), RejectReason.MALFORMED, "not valid JSON: Unexpected end-of-input"),
                bad(
                        "{\"v\":1,\"v\":1}",
                        RejectReason.MALFORMED,
                        "not valid JSON: Duplicate field 'v' (line 1, column 11)"),
                // Version and kind.
                bad("{\"kind\":\"change\"}", RejectReason.MALFORMED, "missing field v"),
                bad("{\"v\":2,\"kind\":\"change\"}", RejectReason.UNKNOWN_VERSION, "v 2: this server reads v1"),
                bad(
                        "{\"v\":\"1\",\"kind\":\"change\"}",
                        RejectReason.WRONG_TYPE,
                        "/v: expected an integer, got a string"),
                bad(
                        "{\"v\":1.0,\"kind\":\"change\"}",
                        RejectReason.WRONG_TYPE,
                        "/v: expected an integer, got a decimal number"),
                bad("{\"v\":1}", RejectReason.MALFORMED, "missing field kind"),
                bad(
                        "{\"v\":1,\"kind\":[\"change\"]}",
                        RejectReason.WRONG_TYPE,
                        "/kind: expected a string, got an array"),
                bad(
                        "{\"v\":1,\"kind\":\"presence\",\"presence\":{}}",
                        RejectReason.UNKNOWN_KIND,
                        "kind [presence] is not one of change, flush, message"),
                // Envelope fields.
                bad(
                        CHANGE_JSON.replace("\"id\":\"0b7e3a52-9c1d-4e8f-a6b5-1c2d3e4f5a6b\",", ""),
                        RejectReason.MALFORMED,
                        "/: missing field id"),
                bad(
                        changeWith("0b7e3a52-9c1d-4e8f-a6b5-1c2d3e4f5a6b", "not an id!"),
                        RejectReason.MALFORMED,
                        "/id: not an id (1 to 64 of A-Z a-z 0-9 . _ : -): [not an id!]"),
                bad(changeWith("0b7e3a52-9c1d-4e8f-a6b5-1c2d3e4f5a6b", ""), RejectReason.MALFORMED, "/id: not an id"),
                bad(
                        changeWith("\"id\":\"0b7e3a52-9c1d-4e8f-a6b5-1c2d3e4f5a6b\"", "\"id\":7"),
                        RejectReason.WRONG_TYPE,
                        "/id: expected a string, got an integer"),
                bad(
                        changeWith("\"seq\":42", "\"seq\":0"),
                        RejectReason.MALFORMED,
                        "/seq: a sequence number starts at 1, got 0"),
                bad(
                        changeWith("\"seq\":42", "\"seq\":-3"),
                        RejectReason.MALFORMED,
                        "/seq: a sequence number starts at 1, got -3"),
                bad(
                        changeWith("\"seq\":42", "\"seq\":99999999999999999999"),
                        RejectReason.MALFORMED,
                        "/seq: out of range: 99999999999999999999"),
                bad(
                        changeWith("\"seq\":42", "\"seq\":\"42\""),
                        RejectReason.WRONG_TYPE,
                        "/seq: expected an integer, got a string"),
                bad(
                        changeWith("\"seq\":42", "\"seq\":42.5"),
                        RejectReason.WRONG_TYPE,
                        "/seq: expected an integer, got a decimal number"),
                bad(
                        changeWith("2026-11-21T20:45:26.672Z", "yesterday"),
                        RejectReason.MALFORMED,
                        "/time: not an ISO-8601 UTC time: [yesterday]"),
                bad(
                        changeWith("\"server\":\"node-a\"", "\"server\":\"\""),
                        RejectReason.MALFORMED,
                        "/origin/server: must not be empty"),
                bad(
                        changeWith("\"context\":\"\"", "\"context\":\"shop\""),
                        RejectReason.MALFORMED,
                        "/origin/context: a context path is \"\" or starts with /, got [shop]"),
                bad(changeWith("\"version\":\"002\",", ""), RejectReason.MALFORMED, "/origin: missing field version"),
                bad(
                        changeWith("\"origin\":{", "\"origin\":[{").replace("},\"seq\"", "}],\"seq\""),
                        RejectReason.WRONG_TYPE,
                        "/origin: expected an object, got an array"),
                // The change.
                bad(changeWith("\"table\":\"items\",", ""), RejectReason.MALFORMED, "/change: missing field table"),
                bad(
                        changeWith("\"table\":\"items\"", "\"table\":\" \""),
                        RejectReason.MALFORMED,
                        "/change/table: must not be empty"),
                bad(
                        changeWith("\"action\":\"update\"", "\"action\":\"upsert\""),
                        RejectReason.MALFORMED,
                        "/change/action: [upsert] is not insert, update or delete"),
                bad(
                        changeWith("\"action\":\"update\"", "\"action\":3"),
                        RejectReason.WRONG_TYPE,
                        "/change/action: expected a string, got an integer"),
                bad(
                        changeWith("[{\"id\":1}]", "[]"),
                        RejectReason.MALFORMED,
                        "/change/keys: a change needs at least one key"),
                bad(
                        changeWith("[{\"id\":1}]", "[{\"id\":1},{}]"),
                        RejectReason.MALFORMED,
                        "/change/keys/1: a key needs at least one column"),
                bad(
                        changeWith("[{\"id\":1}]", "{\"id\":1}"),
                        RejectReason.WRONG_TYPE,
                        "/change/keys: expected an array, got an object"),
                bad(
                        changeWith("[{\"id\":1}]", "[{\"id\":{\"nested\":1}}]"),
                        RejectReason.WRONG_TYPE,
                        "/change/keys/0/id: expected a string, number, boolean or null, got an object"),
                bad(
                        changeWith("\"stock\":41", "\"stock\":[41]"),
                        RejectReason.WRONG_TYPE,
                        "/change/columns/stock: expected a string, number, boolean or null, got an array"),
                bad(
                        changeWith("\"stock\":41", "\"\":41"),
                        RejectReason.MALFORMED,
                        "/change/columns/: a column name must not be empty"),
                bad(
                        changeWith("\"stock\":41", "\"stock\":1e999999999"),
                        RejectReason.MALFORMED,
                        "/change/columns/stock: exponent out of range: 1e999999999"),
                bad(changeWith(",\"change\":{", ",\"message\":{"), RejectReason.MALFORMED, "/: missing field change"),
                // Flush and message.
                bad(
                        flush("{\"dataSource\":\"catalog\",\"reason\":\"bored\"}"),
                        RejectReason.MALFORMED,
                        "/flush/reason: [bored] is not requested or missed_changes"),
                bad(flush("{\"reason\":\"requested\"}"), RejectReason.MALFORMED, "/flush: missing field dataSource"),
                bad(
                        flush("{\"dataSource\":\"\",\"reason\":\"requested\"}"),
                        RejectReason.MALFORMED,
                        "/flush/dataSource: must be null (all) or a data source name"),
                bad(
                        flush("{\"dataSource\":7,\"reason\":\"requested\"}"),
                        RejectReason.WRONG_TYPE,
                        "/flush/dataSource: expected a string, got an integer"),
                bad(message("{\"channel\":\"prices\"}"), RejectReason.MALFORMED, "/message: missing field body"),
                bad(
                        message("{\"channel\":\"prices\",\"body\":{\"sku\":1}}"),
                        RejectReason.WRONG_TYPE,
                        "/message/body: expected a string, got an object"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @MethodSource("badBodies")
    void rejectsWithReasonAndDetail(String body, RejectReason reason, String detail) {
        Decoded decoded = codec.decode(utf8(body));

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Rejected.class, rejected -> {
            assertThat(rejected.reason()).as(rejected.detail()).isEqualTo(reason);
            assertThat(rejected.detail())
                    .startsWith(detail)
                    .doesNotContain("\n")
                    .hasSizeLessThanOrEqualTo(200);
        });
    }

    @Test
    void rejectsABodyOverTheSizeLimitBeforeReadingIt() {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) '[');

        assertThat(codec.decode(tenMegabytes))
                .isEqualTo(new Decoded.Rejected(
                        RejectReason.OVERSIZED, "body of 10485760 bytes exceeds the limit of 1048576 bytes"));
    }

    @Test
    void rejectsAChangeWithMoreKeysThanTheLimit() {
        StringBuilder keys = new StringBuilder("[");
        for (int i = 0; i < 100_000; i++) {
            keys.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
        }
        byte[] body = utf8(changeWith("[{\"id\":1}]", keys.append(']').toString()));
        WireCodec roomy = new WireCodec(new WireLimits(body.length, 10_000, 1_000));

        assertThat(roomy.decode(body))
                .isEqualTo(new Decoded.Rejected(
                        RejectReason.OVERSIZED, "/change/keys/10000: more than 10000 keys in one change"));
    }

    @Test
    void rejectsMoreColumnsThanTheLimit() {
        WireCodec strict = new WireCodec(new WireLimits(1_048_576, 10, 2));

        assertThat(strict.decode(utf8(changeWith("\"stock\":41", "\"stock\":41,\"colour\":\"red\""))))
                .isEqualTo(new Decoded.Rejected(
                        RejectReason.OVERSIZED, "/change/columns/colour: more than 2 columns in one object"));
        assertThat(strict.decode(utf8(CHANGE_JSON))).isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void rejectsDeepNestingWithoutOverflowingTheStack() {
        String open = "[".repeat(100_000);
        String close = "]".repeat(100_000);
        WireCodec roomy = new WireCodec(new WireLimits(1_000_000, 10, 10));

        assertThat(roomy.decode(utf8(open + close)))
                .isEqualTo(new Decoded.Rejected(RejectReason.MALFORMED, "expected a JSON object, got an array"));
        Decoded inside = roomy.decode(utf8("{\"v\":1,\"kind\":\"change\",\"x\":" + open + close + "}"));
        assertThat(inside).isInstanceOfSatisfying(Decoded.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectReason.MALFORMED);
            assertThat(rejected.detail()).startsWith("beyond a parser limit: Document nesting depth (33) exceeds");
        });
        Decoded inColumn = roomy.decode(utf8(changeWith("\"stock\":41", "\"stock\":" + open + close)));
        assertThat(inColumn)
                .isInstanceOfSatisfying(
                        Decoded.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.MALFORMED));
    }

    @Test
    void anUnknownKindKeepsItsPlaceInItsSendersSequence() {
        String presence =
                changeWith("\"kind\":\"change\"", "\"kind\":\"presence\"").replace("\"change\":{", "\"presence\":{");

        assertThat(codec.decode(utf8(presence)))
                .isEqualTo(new Decoded.Rejected(
                        RejectReason.UNKNOWN_KIND,
                        "kind [presence] is not one of change, flush, message",
                        Optional.of(new Decoded.Position(MESSAGE_ID, ORIGIN, 42, "presence"))));
        assertThat(codec.decode(utf8(presence.replace("\"seq\":42", "\"seq\":\"42\""))))
                .as("without a readable seq: skipped all the same, its place unknown")
                .isEqualTo(new Decoded.Rejected(
                        RejectReason.UNKNOWN_KIND, "kind [presence] is not one of change, flush, message"));
    }

    @Test
    void reportsANewerVersionAsSuchWhateverItsShape() {
        String v2 = "{\"v\":2,\"id\":42,\"kind\":[\"change\",\"flush\"],\"origin\":\"node-a\",\"seq\":\"many\"}";

        assertThat(codec.decode(utf8(v2)))
                .isEqualTo(new Decoded.Rejected(RejectReason.UNKNOWN_VERSION, "v 2: this server reads v1"));
        assertThat(codec.decode(utf8("{\"seq\":0,\"v\":99999999999999999999999}")))
                .isEqualTo(new Decoded.Rejected(
                        RejectReason.UNKNOWN_VERSION, "v 99999999999999999999999: this server reads v1"));
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        byte[] body = utf8(CHANGE_JSON.replace("Kettle", "K?ttle"));
        body[CHANGE_JSON.indexOf("Kettle") + 1] = (byte) 0xC3; // a lead byte followed by ASCII

        assertThat(codec.decode(body)).isInstanceOfSatisfying(Decoded.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectReason.MALFORMED);
            assertThat(rejected.detail()).contains("UTF-8");
        });
    }

    @Test
    void neverQuotesMoreThanAShortPieceOfTheBody() {
        String longText = "x".repeat(5_000);

        Decoded decoded = codec.decode(utf8(changeWith("\"action\":\"update\"", "\"action\":\"" + longText + "\"")));

        assertThat(decoded)
                .isInstanceOfSatisfying(
                        Decoded.Rejected.class,
                        rejected -> assertThat(rejected.detail())
                                .hasSizeLessThan(120)
                                .endsWith("…] is not insert, update or delete"));
        Decoded garbage = codec.decode(utf8(longText));
        assertThat(garbage)
                .isInstanceOfSatisfying(
                        Decoded.Rejected.class,
                        rejected -> assertThat(rejected.detail())
                                .hasSizeLessThanOrEqualTo(WireFormatException.MAX_DETAIL_LENGTH));
    }

    @Test
    void rejectsANullBody() {
        assertThat(codec.decode(null)).isEqualTo(new Decoded.Rejected(RejectReason.MALFORMED, "no body"));
    }

    private static Arguments bad(Object body, RejectReason reason, String detail) {
        return Arguments.of(
                body instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : body,
                reason,
                detail);
    }

    private static String flush(String flush) {
        return CHANGE_JSON
                .replace("\"kind\":\"change\"", "\"kind\":\"flush\"")
                .replaceAll(",\"change\":.*}$", ",\"flush\":" + flush + "}");
    }

    private static String message(String message) {
        return CHANGE_JSON
                .replace("\"kind\":\"change\"", "\"kind\":\"message\"")
                .replaceAll(",\"change\":.*}$", ",\"message\":" + message + "}");
    }
}
