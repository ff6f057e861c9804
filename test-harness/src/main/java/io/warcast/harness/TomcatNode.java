package io.warcast.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One server of a test fleet or of the demo: a fresh CATALINA_BASE with the Warcast bundle and the given
 * {@code warcast.properties}, its Tomcat started, its manager at hand. Closing it stops Tomcat.
 */
public final class TomcatNode implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final CatalinaBase base;
    private TomcatProcess tomcat;
    private final ManagerClient manager;

    private TomcatNode(CatalinaBase base, TomcatProcess tomcat) {
        this.base = base;
        this.tomcat = tomcat;
        this.manager = new ManagerClient(base);
    }

    /**
     * Makes the base under {@code workDirectory/jvmRoute} and starts Tomcat.
     *
     * @param warcastProperties the content of {@code conf/warcast.properties}
     */
    public static TomcatNode start(
            Path home, Path bundle, Path workDirectory, String jvmRoute, String warcastProperties) {
        CatalinaBase base =
                CatalinaBase.create(home, bundle, workDirectory.resolve(jvmRoute), jvmRoute, FreePorts.pick());
        base.writeWarcastProperties(warcastProperties);
        return new TomcatNode(base, TomcatProcess.start(base, START_LIMIT, List.of()));
    }

    /**
     * Starts Tomcat again on the same base, after {@link TomcatProcess#kill} or {@link TomcatProcess#stop}: the
     * applications the manager deployed are deployed again from the appBase.
     */
    public void restart() {
        if (tomcat.isAlive()) {
            throw new IllegalStateException("Tomcat in " + base.base() + " still runs; stop or kill it first");
        }
        tomcat.close();
        tomcat = TomcatProcess.start(base, START_LIMIT, List.of());
    }

    /** Deploys the sample as {@code ROOT##version} and returns a client with a session in it. */
    public SampleClient deploySample(String version, Path sampleWar) {
        manager.deploy("/", version, sampleWar);
        SampleClient client = new SampleClient(base.uri());
        String answered = client.version();
        if (!answered.equals(version)) {
            throw new IllegalStateException(
                    "A new client of " + base.uri() + " landed on version " + answered + ", not on " + version);
        }
        return client;
    }

    public CatalinaBase base() {
        return base;
    }

    public ManagerClient manager() {
        return manager;
    }

    public TomcatProcess tomcat() {
        return tomcat;
    }

    public String jvmRoute() {
        return base.jvmRoute();
    }

    @Override
    public void close() {
        tomcat.close();
    }
}
