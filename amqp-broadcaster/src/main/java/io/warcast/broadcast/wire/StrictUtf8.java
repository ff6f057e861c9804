package io.warcast.broadcast.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Checks that a body is well-formed UTF-8 (RFC 3629, the Unicode Standard's table 3-7) before Jackson reads it.
 * Jackson 2.22's byte parser decodes overlong forms ({@code C0 80} becomes U+0000) and code points past U+10FFFF (into
 * junk surrogates), and checks no multi-byte sequence in a string it skips, so receivers in other languages, whose
 * decoders refuse such bytes, would disagree with Warcast about a message. A body starting with a byte order mark is refused too: RFC 8259 §8.1 lets a parser ignore one, but Go's and
 * JavaScript's JSON parsers refuse it, and every receiver must reach the same verdict on the same bytes.
 */
final class StrictUtf8 {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private StrictUtf8() {}

    /** What is wrong with the bytes, naming the offset of the first bad sequence; empty when they are UTF-8. */
    static Optional<String> problem(byte[] body) {
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            return Optional.of("a byte order mark (EF BB BF) at byte 0: the body is UTF-8 without one (RFC 8259 §8.1)");
        }
        int i = 0;
        while (i < body.length) {
            // Almost every body is all ASCII: eight bytes at a time while no byte has its high bit set.
            while (i + Long.BYTES <= body.length && ((long) WORDS.get(body, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
            }
            if (i == body.length) {
                break;
            }
            if (body[i] >= 0) {
                i++;
                continue;
            }
            int length = sequenceLength(body, i);
            if (length == 0) {
                return Optional.of(describe(body, i));
            }
            i += length;
        }
        return Optional.empty();
    }

    /** The length of the well-formed multi-byte sequence at {@code start}, or 0 when it is not one. */
    private static int sequenceLength(byte[] body, int start) {
        int lead = body[start] & 0xFF;
        int length = expectedLength(lead);
        if (length == 0 || start + length > body.length) {
            return 0;
        }
        int second = body[start + 1] & 0xFF;
        if (second < lowestSecond(lead) || second > highestSecond(lead)) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            if ((body[start + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }

    /** 0 for a byte that cannot start a sequence: 80..BF continue one, C0 and C1 start only overlong ones, F5..FF none. */
    private static int expectedLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    }

    // The second byte is narrower after four leads: below the range the form is overlong, above it a surrogate (ED) or
    // past U+10FFFF (F4). All the other continuation bytes are 80..BF.
    private static int lowestSecond(int lead) {
        return lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    }

    private static int highestSecond(int lead) {
        return lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    }

    /** The slow path, for a body already known bad at {@code start}: which bytes, and why. */
    private static String describe(byte[] body, int start) {
        int lead = body[start] & 0xFF;
        int length = expectedLength(lead);
        if (length == 0) {
            String why = lead <= 0xBF
                    ? "continues a sequence that did not start"
                    : lead <= 0xC1
                            ? "is an overlong form (C0 and C1 never occur in UTF-8)"
                            : "is past U+10FFFF (F5 to FF never occur in UTF-8)";
            return notUtf8(body, start, 1, why);
        }
        int k = 1;
        while (k < length && start + k < body.length && fits(body, start, k)) {
            k++;
        }
        if (start + k == body.length) {
            return notUtf8(body, start, k, "is cut short by the end of the body");
        }
        int second = body[start + 1] & 0xFF;
        if (k == 1 && (second & 0xC0) == 0x80) {
            String why = second < lowestSecond(lead)
                    ? "is an overlong form"
                    : lead == 0xED ? "is a surrogate (U+D800 to U+DFFF are not characters)" : "is past U+10FFFF";
            return notUtf8(body, start, 2, why);
        }
        return notUtf8(body, start, k + 1, "is cut short: its last byte does not continue the sequence");
    }

    private static String notUtf8(byte[] body, int start, int count, String why) {
        StringBuilder bytes = new StringBuilder();
        for (int k = 0; k < count; k++) {
            bytes.append(k == 0 ? "" : " ").append(String.format("%02X", body[start + k] & 0xFF));
        }
        return "not UTF-8 at byte " + start + ": " + bytes + " " + why;
    }

    /** Whether byte {@code k} of the sequence at {@code start} is one the sequence allows there. */
    private static boolean fits(byte[] body, int start, int k) {
        int next = body[start + k] & 0xFF;
        int lead = body[start] & 0xFF;
        return k == 1 ? next >= lowestSecond(lead) && next <= highestSecond(lead) : (next & 0xC0) == 0x80;
    }
}
