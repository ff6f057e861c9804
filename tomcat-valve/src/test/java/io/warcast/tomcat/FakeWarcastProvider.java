package io.warcast.tomcat;

import io.warcast.api.AppMessageListener;
import io.warcast.api.DataChange;
import io.warcast.api.DataNotifyListener;
import io.warcast.api.DataNotifyService;
import io.warcast.api.Origin;
import io.warcast.api.spi.ParticipantSpec;
import io.warcast.api.spi.Participation;
import io.warcast.api.spi.ServerEnvironment;
import io.warcast.api.spi.WarcastProvider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A provider that only records what the container asks of it, found by ServiceLoader through
 * {@code src/test/resources/META-INF/services}. ServiceLoader makes the instance, so what it records is static;
 * {@link #reset()} before each test.
 *
 * <p>An application whose settings hold {@value #REJECTED_KEY} is refused with an IllegalArgumentException, as a
 * real provider refuses a bad setting; {@link #failCheckWith} makes {@link #checkSettings} fail, {@link #failStartWith}
 * {@link #start}.
 */
public class FakeWarcastProvider implements WarcastProvider {

    static final String REJECTED_KEY = "fake.rejected";

    /** What happened, in order, as one line each; the test applications write into it too. */
    static final List<String> journal = new CopyOnWriteArrayList<>();

    static final List<ServerEnvironment> checks = new CopyOnWriteArrayList<>();
    static final List<ServerEnvironment> starts = new CopyOnWriteArrayList<>();
    static final List<FakeParticipation> participations = new CopyOnWriteArrayList<>();
    static final List<ClassLoader> contextClassLoaders = new CopyOnWriteArrayList<>();
    static volatile RuntimeException failCheckWith;
    static volatile RuntimeException failStartWith;
    /** The id {@link #serverId()} tells; by default, as a real provider without a setting of its own: the container's. */
    static volatile Function<ServerEnvironment, Optional<String>> serverIdRule = ServerEnvironment::serverId;

    static void reset() {
        journal.clear();
        checks.clear();
        starts.clear();
        participations.clear();
        contextClassLoaders.clear();
        failCheckWith = null;
        failStartWith = null;
        serverIdRule = ServerEnvironment::serverId;
    }

    static FakeParticipation participation(String application) {
        return participations.stream()
                .filter(participation -> participation.origin.application().equals(application))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(application + " never joined; journal: " + journal));
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void checkSettings(ServerEnvironment environment) {
        contextClassLoaders.add(Thread.currentThread().getContextClassLoader());
        if (failCheckWith != null) {
            throw failCheckWith;
        }
        checks.add(environment);
        journal.add("checkSettings");
    }

    @Override
    public void start(ServerEnvironment environment) {
        contextClassLoaders.add(Thread.currentThread().getContextClassLoader());
        if (failStartWith != null) {
            throw failStartWith;
        }
        starts.add(environment);
        journal.add("start");
    }

    @Override
    public Participation join(ParticipantSpec spec) {
        contextClassLoaders.add(Thread.currentThread().getContextClassLoader());
        if (spec.settings().containsKey(REJECTED_KEY)) {
            throw new IllegalArgumentException(REJECTED_KEY + " is not a setting the fake accepts (value ["
                    + spec.settings().get(REJECTED_KEY) + "])");
        }
        FakeParticipation participation = new FakeParticipation(spec);
        participations.add(participation);
        journal.add("join " + participation.origin.application());
        return participation;
    }

    @Override
    public Optional<String> serverId() {
        return starts.isEmpty() ? Optional.empty() : serverIdRule.apply(starts.get(starts.size() - 1));
    }

    @Override
    public void serverStarted() {
        contextClassLoaders.add(Thread.currentThread().getContextClassLoader());
        journal.add("serverStarted");
    }

    @Override
    public void stop() {
        contextClassLoaders.add(Thread.currentThread().getContextClassLoader());
        journal.add("stop");
    }

    static final class FakeParticipation implements Participation {

        final ParticipantSpec spec;
        final Origin origin;
        final DataNotifyService service;

        FakeParticipation(ParticipantSpec spec) {
            this.spec = spec;
            this.origin = new Origin("fake", spec.contextPath(), spec.webappVersion(), "1");
            this.service = new FakeService(origin);
        }

        @Override
        public DataNotifyService service() {
            return service;
        }

        @Override
        public void stopDelivery() {
            journal.add("stopDelivery " + origin.application());
        }

        @Override
        public void close() {
            journal.add("close " + origin.application());
        }
    }

    /** A service that does nothing: these tests are about who gets it and when, not about delivery. */
    private record FakeService(Origin self) implements DataNotifyService {

        @Override
        public void notifyDataChange(DataChange change) {}

        @Override
        public void flushCachedDatabaseData(String dataSource) {}

        @Override
        public void sendMessage(String channel, String body) {}

        @Override
        public void registerDataNotifyListener(DataNotifyListener listener) {}

        @Override
        public void deregisterDataNotifyListener(DataNotifyListener listener) {}

        @Override
        public void registerMessageListener(String channel, AppMessageListener listener) {}

        @Override
        public void deregisterMessageListener(String channel, AppMessageListener listener) {}
    }
}
