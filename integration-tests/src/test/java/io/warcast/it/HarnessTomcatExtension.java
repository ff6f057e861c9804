package io.warcast.it;

import io.warcast.harness.TomcatProcess;
import java.time.Duration;
import org.jboss.arquillian.container.spi.event.container.AfterStop;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Lets the harness start and stop the Tomcat under test for Arquillian's remote adapter, whose own start and stop do
 * nothing: so {@link TomcatProcess} is the one way a test starts a Tomcat, and the Arquillian suites' Tomcat, like
 * every other, never outlives the test JVM. Registered in {@code META-INF/services}.
 */
public final class HarnessTomcatExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Lifecycle.class);
    }

    /** Starts Tomcat before Arquillian starts the container, stops it after Arquillian stopped it. */
    public static final class Lifecycle {

        private static final Duration START_LIMIT = Duration.ofSeconds(120);
        private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

        private TomcatProcess tomcat;

        public void startTomcat(@Observes BeforeStart event) {
            tomcat = TomcatProcess.start(TomcatUnderTest.base(), START_LIMIT, TomcatUnderTest.jmxArguments());
        }

        public void stopTomcat(@Observes AfterStop event) {
            if (tomcat != null) {
                tomcat.stop(STOP_LIMIT);
                tomcat = null;
            }
        }
    }
}
