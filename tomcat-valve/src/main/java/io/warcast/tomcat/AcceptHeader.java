package io.warcast.tomcat;

import io.warcast.tomcat.MediaRanges.MediaRange;
import java.util.List;

/**
 * Reads an HTTP {@code Accept} header just far enough to answer one question: does the client prefer JSON to
 * HTML? For each of the two, the most specific media range that matches it decides its quality (RFC 9110, 12.5.1:
 * {@code application/json} over {@code application/*} over {@code *}{@code /*}). JSON is preferred when its quality
 * is above zero and higher than HTML's, or equal with a more specific range; every other case, a missing or
 * unreadable header included, goes to HTML, which a person can read. Media ranges that do not parse are ignored
 * ({@link MediaRanges}), so no header value makes this throw.
 */
final class AcceptHeader {

    private AcceptHeader() {}

    static boolean prefersJson(String accept) {
        List<MediaRange> ranges = MediaRanges.parse(accept);
        Preference json = Preference.of(ranges, "application", "json");
        Preference html = Preference.of(ranges, "text", "html");
        return json.quality > 0 && json.compareTo(html) > 0;
    }

    /** How well the header accepts a type: the quality of its most specific matching range, and how specific. */
    private record Preference(double quality, int specificity) implements Comparable<Preference> {

        static final Preference NONE = new Preference(0, -1);

        /** The first of the most specific ranges that match: 2 for exact, 1 for {@code type/*}, 0 for any. */
        static Preference of(List<MediaRange> ranges, String type, String subtype) {
            Preference best = NONE;
            for (MediaRange range : ranges) {
                int specificity = specificity(range, type, subtype);
                if (specificity > best.specificity) {
                    best = new Preference(range.quality(), specificity);
                }
            }
            return best;
        }

        private static int specificity(MediaRange range, String type, String subtype) {
            if (range.type().equals("*")) {
                return 0;
            }
            if (!range.type().equals(type)) {
                return -1;
            }
            if (range.subtype().equals("*")) {
                return 1;
            }
            return range.subtype().equals(subtype) ? 2 : -1;
        }

        @Override
        public int compareTo(Preference other) {
            int byQuality = Double.compare(quality, other.quality);
            return byQuality != 0 ? byQuality : Integer.compare(specificity, other.specificity);
        }
    }
}
