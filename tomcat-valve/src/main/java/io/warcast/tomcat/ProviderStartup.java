package io.warcast.tomcat;

import io.warcast.api.spi.ServerEnvironment;
import io.warcast.api.spi.WarcastProvider;
import io.warcast.api.spi.WarcastProviders;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.catalina.Server;
import org.apache.catalina.Service;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;
import org.apache.tomcat.util.res.StringManager;

/**
 * Finds the Warcast provider, checks its settings when the Server initialises and starts it when the Server starts,
 * and says in one line why it cannot. A start Warcast refuses goes to {@link StartRefusal}.
 *
 * <p>Called on the thread that initialises or starts the Server, one event at a time.
 */
final class ProviderStartup {

    private static final Log log = LogFactory.getLog(WarcastLifecycleListener.class);
    private static final StringManager sm = StringManager.getManager(ProviderStartup.class);

    private final StartRefusal refusal;
    private boolean lookedUp;
    /** The provider found by the last look-up; null when none is installed. */
    private WarcastProvider found;

    private boolean startedOnce;

    ProviderStartup(StartRefusal refusal) {
        this.refusal = refusal;
    }

    /** Server {@code before_init}: finds the provider and checks its settings; a bad one refuses the start. */
    void check(Server server) {
        WarcastProvider provider = lookUp();
        if (provider != null) {
            ServerEnvironment environment = environment(server);
            runRefusingTheStart(server, provider, () -> provider.checkSettings(environment));
        }
    }

    /**
     * Server {@code before_start}: starts the provider found at {@link #check}, or finds one now when the Server was
     * initialised before this listener was added; a failure refuses the start.
     *
     * @return the started provider; empty when none is installed (that is logged, and Tomcat starts without Warcast)
     */
    Optional<WarcastProvider> start(Server server) {
        WarcastProvider provider = lookUp();
        lookedUp = false; // a later start of the same Server finds a fresh provider
        found = null;
        if (provider == null) {
            return Optional.empty();
        }
        ServerEnvironment environment = environment(server);
        runRefusingTheStart(server, provider, () -> provider.start(environment));
        startedOnce = true;
        Optional<String> serverId = provider.serverId();
        log.info(sm.getString(
                "warcastLifecycleListener.providerStarted",
                provider.name(),
                serverId.orElse("-"),
                environment.configurationDirectory().map(Path::toString).orElse("-")));
        serverId.ifPresent(id -> reportAnotherId(provider.name(), id, environment.serverId()));
        return Optional.of(provider);
    }

    /**
     * The health endpoint names this server by its jvmRoute, else the host name; a provider may use an id of its own
     * ({@code amqpbroadcast.serverid}). Allowed, but said once, so that whoever meets both knows they are one server.
     */
    private static void reportAnotherId(String providerName, String serverId, Optional<String> jvmRoute) {
        String shown = jvmRoute.orElseGet(ServerId::localHostName);
        if (!serverId.equals(shown)) {
            log.info(sm.getString(
                    "warcastLifecycleListener.serverIdDiffers",
                    providerName,
                    serverId,
                    jvmRoute.isPresent() ? "jvmRoute" : "host name",
                    shown));
        }
    }

    private WarcastProvider lookUp() {
        if (!lookedUp) {
            lookedUp = true;
            try {
                found = WarcastProviders.load();
            } catch (IllegalStateException e) {
                log.error(sm.getString("warcastLifecycleListener.noProvider", e.getMessage()));
                found = null;
            }
        }
        return found;
    }

    private void runRefusingTheStart(Server server, WarcastProvider provider, Runnable step) {
        try {
            ServerClassLoader.run(step);
        } catch (IllegalArgumentException e) {
            log.error(sm.getString("warcastLifecycleListener.providerSettingInvalid", provider.name(), e.getMessage()));
            throw refuse(server, e);
        } catch (RuntimeException e) {
            log.error(sm.getString("warcastLifecycleListener.providerStartFailed", provider.name()), e);
            throw refuse(server, e);
        }
    }

    private RuntimeException refuse(Server server, RuntimeException failure) {
        // Once the Server has started, Catalina's shutdown hook is registered, and it waits for the lock on the
        // Server that this thread holds: ending the process from here would never return.
        return startedOnce ? failure : refusal.refuse(server, failure);
    }

    private static ServerEnvironment environment(Server server) {
        return new ServerEnvironment(jvmRoute(server), configurationDirectory(server));
    }

    private static Optional<String> jvmRoute(Server server) {
        return Arrays.stream(server.findServices())
                .map(Service::getContainer)
                .filter(engine -> engine != null && engine.getJvmRoute() != null)
                .map(engine -> engine.getJvmRoute().trim())
                .filter(route -> !route.isEmpty())
                .findFirst();
    }

    private static Optional<Path> configurationDirectory(Server server) {
        return Optional.ofNullable(server.getCatalinaBase())
                .map(base -> new File(base, "conf"))
                .filter(File::isDirectory)
                .map(File::toPath);
    }
}
