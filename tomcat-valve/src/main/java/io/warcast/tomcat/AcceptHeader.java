package io.warcast.tomcat;

import java.util.Locale;

/**
 * Reads an HTTP {@code Accept} header just far enough to answer one question: does the client prefer JSON to
 * HTML? The preferred type has the higher quality; at equal quality the more specific media range wins
 * ({@code application/json} over {@code *}{@code /*}), and at a full tie HTML, which a person can read.
 */
final class AcceptHeader {

    private AcceptHeader() {}

    static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        Preference json = Preference.NONE;
        Preference html = Preference.NONE;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            json = json.better(Preference.of(type, quality, "application", "json"));
            html = html.better(Preference.of(type, quality, "text", "html"));
        }
        return json.compareTo(html) > 0;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** How well one media range matches a type: its quality, and 2 for exact, 1 for {@code type/*}, 0 for any. */
    private record Preference(double quality, int specificity) implements Comparable<Preference> {

        static final Preference NONE = new Preference(0, -1);

        static Preference of(String range, double quality, String type, String subtype) {
            if (range.equals(type + "/" + subtype)) {
                return new Preference(quality, 2);
            }
            if (range.equals(type + "/*")) {
                return new Preference(quality, 1);
            }
            if (range.equals("*/*")) {
                return new Preference(quality, 0);
            }
            return NONE;
        }

        /** The most specific matching range decides (RFC 9110, 12.5.1), whatever its quality. */
        Preference better(Preference other) {
            return other.specificity > specificity ? other : this;
        }

        @Override
        public int compareTo(Preference other) {
            int byQuality = Double.compare(quality, other.quality);
            return byQuality != 0 ? byQuality : Integer.compare(specificity, other.specificity);
        }
    }
}
