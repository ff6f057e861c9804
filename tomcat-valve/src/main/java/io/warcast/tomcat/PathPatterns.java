package io.warcast.tomcat;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code exemptPaths} of the maintenance valve: a comma list of request-URI patterns in the style of servlet
 * mappings, matched against the decoded request URI (context path included):
 *
 * <ul>
 *   <li>{@code /health}: exactly that path;
 *   <li>{@code /static/*}: {@code /static} and everything below it; {@code /*} matches every path;
 *   <li>{@code *.css}: every path whose last segment ends in {@code .css}.
 * </ul>
 */
final class PathPatterns {

    static final PathPatterns NONE = new PathPatterns(List.of(), List.of(), List.of(), "");

    private final List<String> exact;
    private final List<String> prefixes;
    private final List<String> extensions;
    private final String text;

    private PathPatterns(List<String> exact, List<String> prefixes, List<String> extensions, String text) {
        this.exact = exact;
        this.prefixes = prefixes;
        this.extensions = extensions;
        this.text = text;
    }

    /**
     * Parses a comma list; blank entries are skipped.
     *
     * @throws IllegalArgumentException naming the first entry that is not one of the three forms
     */
    static PathPatterns parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String entry : list.split(",")) {
            String pattern = entry.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            if (pattern.startsWith("*.") && pattern.length() > 2 && pattern.indexOf('*', 1) < 0) {
                extensions.add(pattern.substring(1));
            } else if (pattern.endsWith("/*")
                    && pattern.startsWith("/")
                    && pattern.indexOf('*') == pattern.length() - 1) {
                prefixes.add(pattern.substring(0, pattern.length() - 2));
            } else if (pattern.startsWith("/") && pattern.indexOf('*') < 0) {
                exact.add(pattern);
            } else {
                throw new IllegalArgumentException(pattern);
            }
            all.add(pattern);
        }
        return new PathPatterns(
                List.copyOf(exact), List.copyOf(prefixes), List.copyOf(extensions), String.join(",", all));
    }

    /** Whether a decoded request URI matches one of the patterns. */
    boolean matches(String path) {
        if (exact.contains(path)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return extensions.stream().anyMatch(lastSegment::endsWith);
    }

    /**
     * Whether a prefix pattern covers every path of the context at {@code contextPath} ({@code ""} for ROOT): such
     * a context is never drained by maintenance, so its sessions do not keep the server from DRAINED.
     */
    boolean coversContext(String contextPath) {
        for (String prefix : prefixes) {
            if (prefix.isEmpty() || contextPath.equals(prefix) || contextPath.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The patterns as a normalized comma list. */
    @Override
    public String toString() {
        return text;
    }
}
