package io.warcast.broadcast;

import io.warcast.api.ChangeAction;
import io.warcast.api.DataChange;
import io.warcast.api.spi.ParticipantSpec;
import io.warcast.api.spi.Participation;
import io.warcast.api.spi.ServerEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** A started provider with its own {@code warcast.properties}, for tests; stops it on close. */
final class LocalBroadcaster implements AutoCloseable {

    final AmqpBroadcasterProvider provider = new AmqpBroadcasterProvider(name -> null);

    private LocalBroadcaster() {}

    /** Starts a provider whose {@code warcast.properties} in {@code conf} holds the given lines. */
    static LocalBroadcaster start(Path conf, String... settingLines) {
        try {
            Files.writeString(conf.resolve("warcast.properties"), String.join("\n", settingLines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalBroadcaster broadcaster = new LocalBroadcaster();
        broadcaster.provider.start(environment(conf));
        return broadcaster;
    }

    static ServerEnvironment environment(Path conf) {
        return new ServerEnvironment(Optional.of("tomcat-a"), Optional.of(conf));
    }

    Participation join(String contextPath, String version) {
        return join(contextPath, version, Map.of());
    }

    Participation join(String contextPath, String version, Map<String, String> settings) {
        return provider.join(new ParticipantSpec(contextPath, version, new ClassLoader() {}, settings));
    }

    BroadcasterMetrics metrics() {
        return provider.metrics();
    }

    static DataChange change(String dataSource, Object key) {
        return DataChange.builder(dataSource, "orders", ChangeAction.UPDATE)
                .key("id", key)
                .build();
    }

    /** Waits for a condition, failing the test after ten seconds. */
    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        provider.stop();
    }
}
