package io.warcast.it;

import io.warcast.harness.CatalinaBase;
import io.warcast.harness.ManagerClient;
import io.warcast.harness.SampleClient;
import java.nio.file.Path;

/** The Tomcat that Arquillian started for this suite, described by the system properties the build sets. */
final class TomcatUnderTest {

    private static final CatalinaBase BASE = CatalinaBase.existing(
            Path.of(required("warcast.it.tomcat.home")),
            Path.of(required("warcast.it.catalina.base")),
            required("warcast.it.jvm.route"),
            Integer.parseInt(required("warcast.it.http.port")),
            required("warcast.it.manager.password"));

    private TomcatUnderTest() {}

    static CatalinaBase base() {
        return BASE;
    }

    static ManagerClient manager() {
        return new ManagerClient(BASE);
    }

    static Path sampleWar() {
        return Path.of(required("warcast.it.sample.war"));
    }

    /** A new client of the sample at ROOT, without a session yet. */
    static SampleClient newSampleClient() {
        return new SampleClient(BASE.uri());
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run the integration tests"
                    + " through Maven (mvn verify), which prepares Tomcat and sets it");
        }
        return value;
    }
}
