package io.warcast.api.spi;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the container tells a provider when the server starts.
 *
 * @param serverId the server's identity when the container has one (Tomcat's {@code jvmRoute}); empty lets the
 *     provider use its setting or the host name
 * @param configurationDirectory where the server's configuration lives ({@code $CATALINA_BASE/conf}); empty when
 *     there is none
 */
public record ServerEnvironment(Optional<String> serverId, Optional<Path> configurationDirectory) {

    public ServerEnvironment {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(configurationDirectory, "configurationDirectory");
    }
}
