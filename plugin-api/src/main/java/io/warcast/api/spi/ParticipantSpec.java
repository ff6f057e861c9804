package io.warcast.api.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A web application that is starting and joins Warcast.
 *
 * @param contextPath the context path, {@code ""} for ROOT
 * @param webappVersion the parallel-deployment version, {@code ""} when not versioned
 * @param classLoader the application's class loader: the context class loader while its listeners run
 * @param settings the application's own settings (its {@code WEB-INF/warcast.properties}), overriding the server's
 */
public record ParticipantSpec(
        String contextPath, String webappVersion, ClassLoader classLoader, Map<String, String> settings) {

    public ParticipantSpec {
        Objects.requireNonNull(contextPath, "contextPath");
        Objects.requireNonNull(webappVersion, "webappVersion");
        Objects.requireNonNull(classLoader, "classLoader");
        settings = Map.copyOf(settings);
    }
}
