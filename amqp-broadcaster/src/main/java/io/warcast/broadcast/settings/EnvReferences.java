package io.warcast.broadcast.settings;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${env:NAME}} in a setting's value with the environment variable {@code NAME}. */
final class EnvReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final UnaryOperator<String> environment;

    EnvReferences(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * The value with every reference replaced.
     *
     * @throws IllegalArgumentException naming the key and the variable when a variable is not defined, or when the
     *     value holds a {@code ${...}} that is not a reference
     */
    String resolve(Setting key, String value) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement = environment.apply(variable);
            if (replacement == null) {
                throw new IllegalArgumentException(key + "=[" + matcher.group() + "]: the environment variable ["
                        + variable + "] is not defined; define it or set the value directly");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        String result = resolved.toString();
        if (REFERENCE.matcher(value).replaceAll("").contains("${")) {
            throw new IllegalArgumentException(key + "=[" + (key.secret() ? Setting.MASK : value)
                    + "]: expected ${env:NAME} with NAME made of letters, digits and '_'");
        }
        return result;
    }
}
