package io.warcast.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent something: one deployed web application in one JVM.
 *
 * <p>Two origins are equal when they name the same participant (server, context path, version and instance): the
 * {@link #publisher()} says how one message of it reached this server, not who it is, so {@link #equals} and {@link
 * #hashCode} leave it out and an origin read from the broker equals the sender's own {@code self()}.
 *
 * @param serverId the server, by default Tomcat's {@code jvmRoute} or the host name
 * @param contextPath the context path, {@code ""} for the ROOT application
 * @param webappVersion the parallel-deployment version ({@code "001"} for {@code ROOT##001.war}), {@code ""} when
 *     the application is not versioned
 * @param instanceId unique for each start of the application, so a redeployed copy is a new participant
 * @param publisher the broker user the broker vouched for as the publisher of a message from another server (the
 *     AMQP {@code user_id} the broker validated); empty for a participant of this JVM, and for a message whose
 *     {@code user_id} no broker checked
 */
public record Origin(
        String serverId, String contextPath, String webappVersion, String instanceId, Optional<String> publisher) {

    public Origin {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(contextPath, "contextPath");
        Objects.requireNonNull(webappVersion, "webappVersion");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(publisher, "publisher");
    }

    /** An origin without a vouched publisher: a participant of this JVM, or one read from a message body. */
    public Origin(String serverId, String contextPath, String webappVersion, String instanceId) {
        this(serverId, contextPath, webappVersion, instanceId, Optional.empty());
    }

    /** The same participant, with the broker user that published the message it came with. */
    public Origin withPublisher(String brokerUser) {
        return new Origin(serverId, contextPath, webappVersion, instanceId, Optional.of(brokerUser));
    }

    /** The application the way Tomcat's manager names it: {@code /shop##002}, {@code /##001} for ROOT. */
    public String application() {
        String path = contextPath.isEmpty() ? "/" : contextPath;
        return webappVersion.isEmpty() ? path : path + "##" + webappVersion;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Origin that
                && serverId.equals(that.serverId)
                && contextPath.equals(that.contextPath)
                && webappVersion.equals(that.webappVersion)
                && instanceId.equals(that.instanceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverId, contextPath, webappVersion, instanceId);
    }

    @Override
    public String toString() {
        return serverId + application();
    }
}
