package io.warcast.broadcast.wire;

import static io.warcast.broadcast.wire.SampleEnvelopes.CHANGE_JSON;
import static io.warcast.broadcast.wire.SampleEnvelopes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.broadcast.wire.Decoded.RejectReason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies are strict UTF-8: what Jackson alone would let through (an overlong NUL, bytes in a string it skips) is
 * refused as MALFORMED with the offset of the first bad byte, so every receiver, in any language, reaches the verdict
 * Warcast does.
 */
class StrictUtf8Test {

    private static final String BEFORE = CHANGE_JSON.substring(0, CHANGE_JSON.indexOf("Kettle"));
    private static final String AFTER = CHANGE_JSON.substring(BEFORE.length());

    private final WireCodec codec = new WireCodec(WireLimits.DEFAULT);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            C0 80             | C0 is an overlong form (C0 and C1 never occur in UTF-8)
            C1 BF             | C1 is an overlong form
            E0 80 80          | E0 80 is an overlong form
            E0 9F BF          | E0 9F is an overlong form
            F0 80 80 80       | F0 80 is an overlong form
            F0 8F BF BF       | F0 8F is an overlong form
            ED A0 80          | ED A0 is a surrogate (U+D800 to U+DFFF are not characters)
            ED BF BF          | ED BF is a surrogate
            ED A0 BD ED B8 80 | ED A0 is a surrogate
            F4 90 80 80       | F4 90 is past U+10FFFF
            F5 80 80 80       | F5 is past U+10FFFF (F5 to FF never occur in UTF-8)
            FF                | FF is past U+10FFFF
            80                | 80 continues a sequence that did not start
            BF                | BF continues a sequence that did not start
            C3 41             | C3 41 is cut short: its last byte does not continue the sequence
            E2 82             | E2 82 4B is cut short: its last byte does not continue the sequence
            F0 9F 98          | F0 9F 98 4B is cut short
            """)
    void refusesWithTheOffsetOfTheFirstBadByte(String hex, String why) {
        byte[] body = withBytes(hex); // placed before "Kettle", so the byte after a cut-short sequence is K (4B)

        assertThat(codec.decode(body)).isInstanceOfSatisfying(Decoded.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectReason.MALFORMED);
            assertThat(rejected.detail()).startsWith("not UTF-8 at byte " + BEFORE.length() + ": " + why);
        });
    }

    @Test
    void refusesASequenceCutShortByTheEndOfTheBody() {
        byte[] body = concat(utf8(CHANGE_JSON), hex("E2 82"));

        assertThat(codec.decode(body))
                .isEqualTo(new Decoded.Rejected(
                        RejectReason.MALFORMED,
                        "not UTF-8 at byte " + CHANGE_JSON.length() + ": E2 82 is cut short by the end of the body"));
    }

    @Test
    void readsEveryFormAtTheEdgesOfTheRanges() {
        String[] edges = {
            "C2 80", "DF BF", "E0 A0 80", "ED 9F BF", "EE 80 80", "EF BF BF", "F0 90 80 80", "F4 8F BF BF", "EF BB BF"
        };
        for (String edge : edges) {
            assertThat(codec.decode(withBytes(edge)))
                    .as("%s in a column value", edge)
                    .isInstanceOfSatisfying(
                            Decoded.Accepted.class,
                            accepted -> assertThat(((Payload.Change)
                                                    accepted.envelope().payload())
                                            .change()
                                            .columnValues()
                                            .get("name"))
                                    .isEqualTo(new String(hex(edge), StandardCharsets.UTF_8) + "Kettle"));
        }
    }

    @Test
    void refusesAByteOrderMarkBeforeTheObject() {
        byte[] body = concat(hex("EF BB BF"), utf8(CHANGE_JSON));

        assertThat(codec.decode(body))
                .as("RFC 8259 §8.1: senders MUST NOT add one; Warcast does not ignore it, as Go and JavaScript do not")
                .isEqualTo(new Decoded.Rejected(
                        RejectReason.MALFORMED,
                        "a byte order mark (EF BB BF) at byte 0: the body is UTF-8 without one (RFC 8259 §8.1)"));
    }

    @Test
    void refusesBadBytesInAFieldNoVersionReads() {
        byte[] body = concat(utf8("{\"v\":1,\"kind\":\"change\",\"extra\":\""), hex("C0 80"), utf8("\"}"));

        assertThat(codec.decode(body))
                .isEqualTo(new Decoded.Rejected(
                        RejectReason.MALFORMED,
                        "not UTF-8 at byte 32: C0 is an overlong form (C0 and C1 never occur in UTF-8)"));
    }

    @Test
    void findsTheBadByteAtEveryPlaceOfTheEightByteSteps() {
        for (int padding = 0; padding < 20; padding++) {
            String start = "{\"v\":1,\"x\":\"" + "a".repeat(padding);
            byte[] body = concat(utf8(start), hex("ED A0 80"), utf8("\"}"));

            assertThat(StrictUtf8.problem(body))
                    .as("after %d bytes", start.length())
                    .hasValueSatisfying(
                            problem -> assertThat(problem).startsWith("not UTF-8 at byte " + start.length()));
        }
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() {
        Random random = new Random(15);
        byte[] interesting = hex("00 41 7F 80 8F 90 9F A0 BF C0 C1 C2 DF E0 E1 EC ED EE EF F0 F1 F3 F4 F5 FF");
        List<String> disagreements = new ArrayList<>();
        for (int round = 0; round < 100_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(12)];
            IntStream.range(0, bytes.length).forEach(i -> bytes[i] = interesting[random.nextInt(interesting.length)]);
            boolean byteOrderMark = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB;
            // A byte order mark: the JDK reads it as U+FEFF, Warcast refuses it at the start of a body.
            if (!(byteOrderMark && (bytes[2] & 0xFF) == 0xBF)
                    && StrictUtf8.problem(bytes).isEmpty() != jdkReads(bytes)) {
                disagreements.add(HexFormat.ofDelimiter(" ").formatHex(bytes));
            }
        }
        assertThat(disagreements)
                .as("byte strings where Warcast and the JDK disagree")
                .isEmpty();
    }

    private static boolean jdkReads(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The sample change with these bytes at the start of the column value "Kettle". */
    private static byte[] withBytes(String hex) {
        return concat(utf8(BEFORE), hex(hex), utf8(AFTER));
    }

    private static byte[] hex(String hex) {
        return HexFormat.ofDelimiter(" ").parseHex(hex);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
