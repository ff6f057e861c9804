package io.warcast.tomcat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.catalina.WebResource;
import org.apache.catalina.WebResourceRoot;

/** A web application's own Warcast settings: its {@code /WEB-INF/warcast.properties}, if it has one. */
final class WebappSettings {

    static final String PATH = "/WEB-INF/warcast.properties";

    private WebappSettings() {}

    /**
     * Reads the settings file from the application's resources (so it works for WAR files, directories and
     * overlays alike), as UTF-8.
     *
     * @return the settings, empty when the application has no such file
     * @throws IllegalArgumentException when the file cannot be read or is not a valid properties file
     */
    static Map<String, String> read(WebResourceRoot resources) {
        if (resources == null) {
            return Map.of();
        }
        WebResource resource = resources.getResource(PATH);
        if (resource == null || !resource.isFile()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(PATH + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }
}
