package io.warcast.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warcast.harness.SampleClient;
import io.warcast.it.probe.ProbeListeners;
import io.warcast.it.probe.ProbeServlet;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One application's listener throws on every change. The next listener, and the next change, must not notice:
 * a broken listener costs only itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ListenerIsolationIT {

    private static final SampleVersions versions = new SampleVersions();
    private static SampleClient sampleUser;

    @Deployment(name = "probe", testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "probe.war").addClasses(ProbeListeners.class, ProbeServlet.class);
    }

    @BeforeAll
    static void deploySample() {
        versions.undeployAll();
        sampleUser = versions.deploy("001");
    }

    @AfterAll
    static void undeploySample() {
        versions.undeployAll();
    }

    @Test
    void aThrowingListenerStopsNeitherTheNextListenerNorTheNextChange(@ArquillianResource URL probe) {
        SampleClient probeClient = new SampleClient(java.net.URI.create(probe.toString()));
        for (long id = 501; id <= 503; id++) {
            sampleUser.putItem(id, "changed " + id, (int) id);
        }

        await("the recording listener, registered after the throwing one, hears all three changes")
                .atMost(Duration.ofSeconds(30))
                .until(() -> recorded(probeClient), ids -> ids.containsAll(List.of("501", "502", "503")));

        assertThat(recorded(probeClient)).as("in order, once each").containsExactly("501", "502", "503");
        int thrown = await("the throwing listener is called for all three changes, not dropped after its first failure")
                .atMost(Duration.ofSeconds(30))
                .until(() -> thrown(probeClient), calls -> calls >= 3);
        assertThat(thrown).as("calls of the throwing listener: once per change").isEqualTo(3);
    }

    private static int thrown(SampleClient probeClient) {
        return Integer.parseInt(line(probeClient, "thrown="));
    }

    private static List<String> recorded(SampleClient probeClient) {
        String ids = line(probeClient, "recorded=");
        return ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }

    private static String line(SampleClient probeClient, String prefix) {
        return probeClient
                .get("state")
                .body()
                .lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("probe state has no line " + prefix));
    }
}
