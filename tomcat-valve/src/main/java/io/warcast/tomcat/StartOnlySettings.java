package io.warcast.tomcat;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.catalina.LifecycleException;
import org.apache.tomcat.util.res.StringManager;

/**
 * The {@link MaintenanceValve}'s attributes as {@code server.xml} (or code, before the start) sets them: each value
 * is parsed when it is set, and a bad one is kept until {@link #check()} refuses the start with a message that
 * names the attribute, the value and what was expected ({@code RequestFilterValve}'s way). The valve reads its
 * settings when it starts, so a change to a started valve is refused rather than silently ignored.
 */
final class StartOnlySettings {

    private static final StringManager sm = StringManager.getManager(StartOnlySettings.class);

    private final Map<String, String> invalid = new LinkedHashMap<>();
    private final BooleanSupplier started;

    /** @param started whether the valve has started (its settings are then fixed) */
    StartOnlySettings(BooleanSupplier started) {
        this.started = started;
    }

    /**
     * Parses {@code value} for {@code attribute}.
     *
     * @param parser gets the stripped value ({@code ""} for {@code null}); throws IllegalArgumentException with
     *     what was expected as its message
     * @return the parsed value, or {@code current} when the value is bad
     * @throws IllegalStateException when the valve has started
     */
    synchronized <T> T parse(String attribute, String value, Function<String, T> parser, T current) {
        if (started.getAsBoolean()) {
            throw new IllegalStateException(sm.getString("maintenanceValve.startOnly", attribute, value));
        }
        invalid.remove(attribute);
        try {
            return parser.apply(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            invalid.put(attribute, sm.getString("maintenanceValve.invalidSetting", attribute, value, e.getMessage()));
            return current;
        }
    }

    synchronized void check() throws LifecycleException {
        if (!invalid.isEmpty()) {
            throw new LifecycleException(String.join("; ", invalid.values()));
        }
    }

    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(sm.getString("maintenanceValve.expectedBoolean"));
        };
    }

    static Function<String, Integer> number(int min, int max) {
        return value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // refused below
            }
            throw new IllegalArgumentException(
                    sm.getString("maintenanceValve.expectedNumber", Integer.toString(min), Integer.toString(max)));
        };
    }

    /** A file path, kept as text: it is resolved against {@code $CATALINA_BASE} at start. */
    static String path(String value) {
        try {
            Path.of(value);
            return value;
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(sm.getString("maintenanceValve.expectedPath", e.getReason()), e);
        }
    }

    static PathPatterns patterns(String value) {
        try {
            return PathPatterns.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sm.getString("maintenanceValve.expectedPatterns", e.getMessage()), e);
        }
    }

    static String healthPath(String value) {
        if (value.startsWith("/") && value.indexOf('*') < 0 && value.indexOf('?') < 0) {
            return value;
        }
        throw new IllegalArgumentException(sm.getString("maintenanceValve.expectedHealthPath"));
    }
}
