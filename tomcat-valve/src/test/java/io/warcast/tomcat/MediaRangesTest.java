package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.warcast.tomcat.MediaRanges.MediaRange;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MediaRangesTest {

    /** Pieces of real Accept headers, so that the random strings often come close to parsing. */
    private static final String[] PIECES = {
        "application",
        "json",
        "text",
        "html",
        "*",
        "/",
        ";",
        ",",
        "q",
        "Q",
        "=",
        "\"",
        "\\",
        " ",
        "\t",
        "0",
        "1",
        ".",
        "5",
        "0.9",
        "1.000",
        "level",
        "+",
        "-",
        "*/*",
        "application/json",
        "text/html",
        ";q="
    };

    @Test
    void readsTypesSubtypesAndQualitiesInTheirOrder() {
        assertThat(MediaRanges.parse("Text/HTML, application/json;q=0.5;charset=\"utf-8\", */*;q=0.1"))
                .containsExactly(
                        new MediaRange("text", "html", 1),
                        new MediaRange("application", "json", 0.5),
                        new MediaRange("*", "*", 0.1));
    }

    @Test
    void theFirstQIsTheWeightAndLaterOnesAreExtensions() {
        assertThat(MediaRanges.parse("application/json;q=0.3;q=0.9"))
                .containsExactly(new MediaRange("application", "json", 0.3));
    }

    @Test
    void qualitiesAreReadLenientlyAndNothingElseIsANumber() {
        assertThat(MediaRanges.quality("1")).isEqualTo(1);
        assertThat(MediaRanges.quality("0.8")).isEqualTo(0.8);
        assertThat(MediaRanges.quality("0.12345")).isEqualTo(0.12345);
        assertThat(MediaRanges.quality(".5")).isEqualTo(0.5);
        assertThat(MediaRanges.quality("1.")).isEqualTo(1);
        assertThat(MediaRanges.quality("0001.000")).isEqualTo(1);
        for (String notAQuality : List.of(
                "",
                ".",
                "1.01",
                "2",
                "-0",
                "+0.5",
                "1e-1",
                "NaN",
                "Infinity",
                "0x1",
                "0.5d",
                "0.5.5",
                "0,5",
                " 1",
                "\u0661")) {
            assertThat(MediaRanges.quality(notAQuality))
                    .as("[%s] is no q-value", notAQuality)
                    .isNaN();
        }
    }

    @Test
    void seededFuzzNeverThrowsAndAlwaysDecides() {
        Random random = new Random(20_261_204L);
        for (int i = 0; i < 20_000; i++) {
            String accept = randomHeader(random);
            String shown = codePoints(accept);

            assertThatCode(() -> AcceptHeader.prefersJson(accept))
                    .as("prefersJson must not throw for %s", shown)
                    .doesNotThrowAnyException();
            assertThat(MediaRanges.parse(accept))
                    .as("every range parsed from %s is well-formed", shown)
                    .allSatisfy(range -> {
                        assertThat(range.quality()).isBetween(0.0, 1.0);
                        assertThat(range.type() + range.subtype()).matches("[!#$%&'*+.^_`|~0-9a-z-]+");
                    });
            if (AcceptHeader.prefersJson(accept)) {
                assertThat(MediaRanges.parse(accept))
                        .as("JSON is preferred for %s, so a range that accepts JSON must be there", shown)
                        .anyMatch(range -> range.quality() > 0
                                && (range.type().equals("*")
                                        || (range.type().equals("application")
                                                && (range.subtype().equals("*")
                                                        || range.subtype().equals("json")))));
            }
            assertThat(AcceptHeader.prefersJson(";," + accept))
                    .as("a malformed range before %s changes nothing", shown)
                    .isEqualTo(AcceptHeader.prefersJson(accept));
        }
    }

    @Test
    @Timeout(10)
    void hugeHostileHeadersAreReadInLinearTime() {
        for (String piece : List.of(";", "\"", "\\", ",", "a/b;c=", "*/*;q=0.", " ", "application/json;q=1;")) {
            String accept = piece.repeat(200_000 / piece.length());

            assertThatCode(() -> AcceptHeader.prefersJson(accept))
                    .as("[%s] repeated", piece)
                    .doesNotThrowAnyException();
        }
    }

    private static String randomHeader(Random random) {
        StringBuilder header = new StringBuilder();
        int parts = random.nextInt(24);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> header.append(PIECES[random.nextInt(PIECES.length)]);
                case 3 -> header.append((char) random.nextInt(0x80)); // ASCII, control characters included
                case 4 -> header.append((char) random.nextInt(0x10000)); // any UTF-16 unit, lone surrogates too
                default -> header.appendCodePoint(0x10000 + random.nextInt(0x100000)); // beyond the BMP
            }
        }
        return header.toString();
    }

    private static String codePoints(String text) {
        return text.codePoints()
                .mapToObj(c -> c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u{%X}", c))
                .collect(Collectors.joining("", "[", "]"));
    }
}
