package io.warcast.broadcast.settings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@value Setting#PREFIX} entries of a settings source, environment references resolved, read as typed values
 * with the defaults and forms their {@link Setting} declares. Every refusal names the key, the value (masked for
 * secrets) and the form expected.
 */
final class SettingValues {

    private static final Pattern EXCHANGE_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,255}");

    private final Map<Setting, String> values = new EnumMap<>(Setting.class);

    /**
     * @param raw every entry of the source; keys outside {@value Setting#PREFIX} are ignored
     * @param allowed the keys this source may set
     * @param allowedDescription what to tell the user about the allowed keys when another one is set
     */
    SettingValues(
            Map<String, String> raw,
            Set<Setting> allowed,
            String allowedDescription,
            UnaryOperator<String> environment) {
        EnvReferences references = new EnvReferences(environment);
        raw.forEach((key, value) -> {
            if (!key.startsWith(Setting.PREFIX)) {
                return;
            }
            Setting setting = Setting.byKey(key)
                    .filter(allowed::contains)
                    // The value of an unknown key is never shown: it may be a misspelt password.
                    .orElseThrow(() -> new IllegalArgumentException(
                            key + "=[" + Setting.MASK + "]: unknown key; " + allowedDescription));
            values.put(setting, references.resolve(setting, value.trim()));
        });
    }

    boolean isSet(Setting setting) {
        return values.containsKey(setting);
    }

    boolean flag(Setting setting) {
        return flag(setting, (Boolean) declaredDefault(setting));
    }

    boolean flag(Setting setting, boolean defaultValue) {
        String value = values.get(setting);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw refused(setting, value);
    }

    Optional<String> optionalText(Setting setting) {
        return Optional.ofNullable(values.get(setting)).map(value -> requireNotBlank(setting, value));
    }

    String text(Setting setting) {
        return text(setting, (String) declaredDefault(setting));
    }

    String text(Setting setting, String defaultValue) {
        return optionalText(setting).orElse(defaultValue);
    }

    /** A value without whitespace, such as a server id. */
    String token(Setting setting, String defaultValue) {
        String value = text(setting, defaultValue);
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw refused(setting, value);
        }
        return value;
    }

    /** A comma list of names, spaces around each ignored; empty when the key is not set. */
    List<String> names(Setting setting) {
        Optional<String> value = optionalText(setting);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> names =
                Stream.of(value.get().split(",", -1)).map(String::trim).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            throw refused(setting, value.get());
        }
        return names;
    }

    String exchange(Setting setting) {
        return exchange(setting, (String) declaredDefault(setting));
    }

    String exchange(Setting setting, String defaultValue) {
        String value = text(setting, defaultValue);
        if (!EXCHANGE_NAME.matcher(value).matches() || value.startsWith("amq.")) {
            throw refused(setting, value);
        }
        return value;
    }

    /** A whole number in the setting's range, such as milliseconds. */
    long number(Setting setting) {
        return number(setting, ((Number) declaredDefault(setting)).longValue());
    }

    int count(Setting setting) {
        return (int) number(setting);
    }

    int count(Setting setting, int defaultValue) {
        return (int) number(setting, defaultValue);
    }

    private long number(Setting setting, long defaultValue) {
        String value = values.get(setting);
        if (value == null) {
            return defaultValue;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw refused(setting, value);
        }
        if (number < setting.form().minimum() || number > setting.form().maximum()) {
            throw refused(setting, value);
        }
        return number;
    }

    private static Object declaredDefault(Setting setting) {
        return setting.defaultValue()
                .orElseThrow(() -> new IllegalStateException(setting + " declares no default; pass one"));
    }

    private static String requireNotBlank(Setting setting, String value) {
        if (value.isEmpty()) {
            throw refused(setting, value, Setting.Form.NOT_EMPTY);
        }
        return value;
    }

    /** The refusal of a value that is not of the setting's form. */
    static IllegalArgumentException refused(Setting setting, String value) {
        return refused(setting, value, setting.expected());
    }

    static IllegalArgumentException refused(Setting setting, String value, String expected) {
        String shown = setting.secret() ? Setting.MASK : value;
        return new IllegalArgumentException(setting + "=[" + shown + "]: expected " + expected);
    }
}
