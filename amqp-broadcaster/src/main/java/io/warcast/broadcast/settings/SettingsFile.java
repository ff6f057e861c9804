package io.warcast.broadcast.settings;

import io.warcast.api.spi.ServerEnvironment;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Finds and reads the server's {@code warcast.properties}.
 *
 * @param entries every entry of the file, empty when there is no file
 * @param source where the entries came from, in words, for the log
 */
public record SettingsFile(Map<String, String> entries, String source) {

    /** System property naming the settings file; when set, the file must exist. */
    public static final String CONFIG_PROPERTY = "warcast.config";

    public static final String FILE_NAME = "warcast.properties";

    /**
     * Reads the file named by {@code configProperty} (the value of {@value #CONFIG_PROPERTY}) when set, else
     * {@value #FILE_NAME} in the configuration directory when there is one.
     *
     * @throws IllegalArgumentException naming the path when {@value #CONFIG_PROPERTY} names a missing file
     * @throws UncheckedIOException naming the path when the file cannot be read
     */
    public static SettingsFile locate(ServerEnvironment environment, String configProperty) {
        if (configProperty != null && !configProperty.isBlank()) {
            Path path = Path.of(configProperty.trim());
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("-D" + CONFIG_PROPERTY + "=[" + configProperty
                        + "]: no such file; expected the path of a readable warcast.properties");
            }
            return new SettingsFile(read(path), path.toAbsolutePath() + " (from -D" + CONFIG_PROPERTY + ")");
        }
        Optional<Path> directory = environment.configurationDirectory();
        if (directory.isEmpty()) {
            return new SettingsFile(Map.of(), "no configuration directory, all defaults");
        }
        Path path = directory.get().resolve(FILE_NAME);
        if (!Files.isRegularFile(path)) {
            return new SettingsFile(Map.of(), "no " + path.toAbsolutePath() + ", all defaults");
        }
        return new SettingsFile(read(path), path.toAbsolutePath().toString());
    }

    private static Map<String, String> read(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Warcast settings " + path.toAbsolutePath(), e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> entries.put(key.trim(), properties.getProperty(key)));
        return entries;
    }
}
