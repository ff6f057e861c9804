package io.warcast.api;

import java.util.Objects;

/**
 * Who sent something: one deployed web application in one JVM.
 *
 * @param serverId the server, by default Tomcat's {@code jvmRoute} or the host name
 * @param contextPath the context path, {@code ""} for the ROOT application
 * @param webappVersion the parallel-deployment version ({@code "001"} for {@code ROOT##001.war}), {@code ""} when
 *     the application is not versioned
 * @param instanceId unique for each start of the application, so a redeployed copy is a new participant
 */
public record Origin(String serverId, String contextPath, String webappVersion, String instanceId) {

    public Origin {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(contextPath, "contextPath");
        Objects.requireNonNull(webappVersion, "webappVersion");
        Objects.requireNonNull(instanceId, "instanceId");
    }

    /** The application the way Tomcat's manager names it: {@code /shop##002}, {@code /##001} for ROOT. */
    public String application() {
        String path = contextPath.isEmpty() ? "/" : contextPath;
        return webappVersion.isEmpty() ? path : path + "##" + webappVersion;
    }

    @Override
    public String toString() {
        return serverId + application();
    }
}
