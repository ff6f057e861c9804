package io.warcast.tomcat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the media ranges of an HTTP {@code Accept} header (RFC 9110, 12.5.1):
 *
 * <pre>
 * Accept      = #( media-range [ weight ] )
 * media-range = ( "*&#47;*" / ( type "/" "*" ) / ( type "/" subtype ) ) parameters
 * parameters  = *( OWS ";" OWS [ parameter ] )
 * parameter   = token "=" ( token / quoted-string )
 * weight      = OWS ";" OWS "q=" qvalue
 * </pre>
 *
 * <p>Never throws, whatever the header holds: a media range that does not follow the grammar (no type or subtype, a
 * stray character, a parameter without value, an unclosed quoted string, a q-value that is no number from 0 to 1)
 * is left out, as if the client had not sent it, and the ranges around it still count. Q-values are read leniently:
 * {@code Q} as well as {@code q}, white space around {@code =}, more than three decimals, a quoted value. Commas
 * inside quoted strings do not end a range. Linear in the length of the header: no regular expressions.
 */
final class MediaRanges {

    private MediaRanges() {}

    /**
     * One media range of the header.
     *
     * @param type the type, in lower case; {@code *} for any
     * @param subtype the subtype, in lower case; {@code *} for any
     * @param quality the q-value, 0 (not acceptable) to 1; 1 when the range has none
     */
    record MediaRange(String type, String subtype, double quality) {}

    /** The well-formed media ranges of {@code header} in their order; empty for {@code null}. */
    static List<MediaRange> parse(String header) {
        List<MediaRange> ranges = new ArrayList<>();
        if (header == null) {
            return ranges;
        }
        for (String element : elements(header)) {
            MediaRange range = new Element(element).mediaRange();
            if (range != null) {
                ranges.add(range);
            }
        }
        return ranges;
    }

    /** Splits the list at the commas outside quoted strings; a backslash inside one escapes the next character. */
    private static List<String> elements(String header) {
        List<String> elements = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                elements.add(header.substring(start, i));
                start = i + 1;
            }
        }
        elements.add(header.substring(start));
        return elements;
    }

    /** One list element, read left to right; every method returns {@code null} where the grammar is not met. */
    private static final class Element {

        private final String text;
        private int position;

        Element(String text) {
            this.text = text;
        }

        MediaRange mediaRange() {
            skipWhitespace();
            String type = token();
            if (type.isEmpty() || !skip('/')) {
                return null;
            }
            String subtype = token();
            if (subtype.isEmpty() || (type.equals("*") && !subtype.equals("*"))) {
                return null;
            }
            double quality = 1;
            boolean qualitySeen = false;
            while (true) {
                skipWhitespace();
                if (atEnd()) {
                    return new MediaRange(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), quality);
                }
                if (!skip(';')) {
                    return null;
                }
                skipWhitespace();
                if (atEnd() || peek() == ';') {
                    continue; // an empty parameter, which the grammar allows
                }
                String name = token();
                skipWhitespace();
                if (name.isEmpty() || !skip('=')) {
                    return null;
                }
                skipWhitespace();
                String value = peek() == '"' ? quotedString() : token();
                if (value == null || value.isEmpty()) {
                    return null;
                }
                // Parameters after the weight are accept-ext in older RFCs: the first q is the weight.
                if (!qualitySeen && name.equalsIgnoreCase("q")) {
                    qualitySeen = true;
                    quality = quality(value);
                    if (Double.isNaN(quality)) {
                        return null;
                    }
                }
            }
        }

        private String token() {
            int start = position;
            while (!atEnd() && isTokenCharacter(peek())) {
                position++;
            }
            return text.substring(start, position);
        }

        /** The content of a quoted string, unescaped; {@code null} when it is not closed. */
        private String quotedString() {
            StringBuilder content = new StringBuilder();
            position++;
            while (!atEnd()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return content.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        return null;
                    }
                    c = text.charAt(position++);
                }
                content.append(c);
            }
            return null;
        }

        private void skipWhitespace() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                position++;
            }
        }

        private boolean skip(char expected) {
            if (!atEnd() && peek() == expected) {
                position++;
                return true;
            }
            return false;
        }

        private char peek() {
            return atEnd() ? '\0' : text.charAt(position);
        }

        private boolean atEnd() {
            return position >= text.length();
        }
    }

    /**
     * A q-value (RFC 9110, 12.4.2: {@code 0[.ddd]} or {@code 1[.000]}), read leniently: any number of decimals and
     * a bare leading dot ({@code .5}) are taken; {@code NaN} for anything that is not digits with at most one dot, or
     * is above 1.
     */
    static double quality(String value) {
        int dot = value.indexOf('.');
        String whole = dot < 0 ? value : value.substring(0, dot);
        String fraction = dot < 0 ? "" : value.substring(dot + 1);
        if ((whole.isEmpty() && fraction.isEmpty()) || !digits(whole) || !digits(fraction)) {
            return Double.NaN;
        }
        // Only digits and one dot from here, which Double.parseDouble reads as a plain decimal number.
        double quality = Double.parseDouble(whole + "." + fraction + "0");
        return quality <= 1 ? quality : Double.NaN;
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** RFC 9110, 5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA. */
    static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
