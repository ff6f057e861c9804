package io.warcast.broadcast.settings;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The {@value SettingKeys#PREFIX} entries of a settings source, environment references resolved, read as typed
 * values. Every refusal names the key, the value (masked for secrets) and the form expected.
 */
final class SettingValues {

    private static final Pattern EXCHANGE_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,255}");

    private final Map<String, String> values = new HashMap<>();

    /**
     * @param raw every entry of the source; keys outside {@value SettingKeys#PREFIX} are ignored
     * @param allowedKeys the keys this source may set
     * @param allowedDescription what to tell the user about the allowed keys when another one is set
     */
    SettingValues(
            Map<String, String> raw,
            Collection<String> allowedKeys,
            String allowedDescription,
            UnaryOperator<String> environment) {
        EnvReferences references = new EnvReferences(environment);
        raw.forEach((key, value) -> {
            if (!key.startsWith(SettingKeys.PREFIX)) {
                return;
            }
            if (!allowedKeys.contains(key)) {
                // The value of an unknown key is never shown: it may be a misspelt password.
                throw new IllegalArgumentException(
                        key + "=[" + SettingKeys.MASK + "]: unknown key; " + allowedDescription);
            }
            values.put(key, references.resolve(key, value.trim()));
        });
    }

    boolean isSet(String key) {
        return values.containsKey(key);
    }

    boolean bool(String key, boolean defaultValue) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw refused(key, value, "true or false");
    }

    Optional<String> optionalText(String key) {
        return Optional.ofNullable(values.get(key)).map(value -> requireNotBlank(key, value));
    }

    String text(String key, String defaultValue) {
        return optionalText(key).orElse(defaultValue);
    }

    /** A value without whitespace, such as a server id. */
    String token(String key, String defaultValue) {
        String value = text(key, defaultValue);
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw refused(key, value, "a name without spaces");
        }
        return value;
    }

    String exchange(String key, String defaultValue) {
        String value = text(key, defaultValue);
        if (!EXCHANGE_NAME.matcher(value).matches() || value.startsWith("amq.")) {
            throw refused(
                    key,
                    value,
                    "an exchange name of 1 to 255 letters, digits, '-', '_', '.' or ':', not starting with 'amq.'");
        }
        return value;
    }

    long milliseconds(String key, long defaultValue) {
        return wholeNumber(key, defaultValue, 0, Long.MAX_VALUE, "a whole number of milliseconds, 0 or more");
    }

    long milliseconds(String key, long defaultValue, long minimum, long maximum) {
        return wholeNumber(
                key,
                defaultValue,
                minimum,
                maximum,
                "a whole number of milliseconds from " + minimum + " to " + maximum);
    }

    int intInRange(String key, int defaultValue, int minimum, int maximum) {
        String expected = maximum == Integer.MAX_VALUE
                ? "a whole number, " + minimum + " or more"
                : "a whole number from " + minimum + " to " + maximum;
        return (int) wholeNumber(key, defaultValue, minimum, maximum, expected);
    }

    private long wholeNumber(String key, long defaultValue, long minimum, long maximum, String expected) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw refused(key, value, expected);
        }
        if (number < minimum || number > maximum) {
            throw refused(key, value, expected);
        }
        return number;
    }

    private static String requireNotBlank(String key, String value) {
        if (value.isEmpty()) {
            throw refused(key, value, "a value that is not empty; remove the line to use the default");
        }
        return value;
    }

    static IllegalArgumentException refused(String key, String value, String expected) {
        String shown = SettingKeys.isSecret(key) ? SettingKeys.MASK : value;
        return new IllegalArgumentException(key + "=[" + shown + "]: expected " + expected);
    }
}
