package io.warcast.broadcast;

import io.warcast.api.spi.ParticipantSpec;
import io.warcast.api.spi.Participation;
import io.warcast.api.spi.ServerEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One "server" for integration tests: a provider with its own server id and settings, in this JVM. */
final class TestServer implements AutoCloseable {

    final AmqpBroadcasterProvider provider = new AmqpBroadcasterProvider(name -> null);
    private final List<Participation> participations = new ArrayList<>();

    private TestServer() {}

    /**
     * Starts a provider whose {@code warcast.properties} holds the given lines, and tells it the server has started
     * (no application deployed at start-up; they join later), as Tomcat would.
     */
    static TestServer start(Path conf, String... settingLines) {
        TestServer server = starting(conf, settingLines);
        server.serverStarted();
        return server;
    }

    /**
     * Starts a provider like {@link #start} but does not yet tell it the server has started: the applications
     * deployed at start-up join, then the test calls {@link #serverStarted}.
     */
    static TestServer starting(Path conf, String... settingLines) {
        try {
            Files.createDirectories(conf);
            Files.writeString(conf.resolve("warcast.properties"), String.join("\n", settingLines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestServer server = new TestServer();
        server.provider.start(new ServerEnvironment(Optional.empty(), Optional.of(conf)));
        return server;
    }

    Participation join(String contextPath) {
        return join(contextPath, Map.of());
    }

    /** @param settings the application's own {@code WEB-INF/warcast.properties} */
    Participation join(String contextPath, Map<String, String> settings) {
        Participation participation =
                provider.join(new ParticipantSpec(contextPath, "", new ClassLoader() {}, settings));
        participations.add(participation);
        return participation;
    }

    void serverStarted() {
        provider.serverStarted();
    }

    BroadcasterMetrics metrics() {
        return provider.metrics();
    }

    @Override
    public void close() {
        provider.stop();
    }
}
