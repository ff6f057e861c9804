package io.warcast.it;

import io.warcast.harness.CatalinaBase;
import io.warcast.harness.ManagerClient;
import io.warcast.harness.SampleClient;
import java.nio.file.Path;
import java.util.List;

/**
 * The Tomcat of the Arquillian suites, on the base the build made, described by the system properties the build
 * sets; {@link HarnessTomcatExtension} starts and stops it.
 */
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

    /** The JMX connector the suites (and Arquillian's remote adapter) reach, on loopback, without authentication. */
    static List<String> jmxArguments() {
        String port = required("warcast.it.jmx.port");
        return List.of(
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Djava.rmi.server.hostname=127.0.0.1");
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
