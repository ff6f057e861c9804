package io.warcast.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.harness.ManagerClient;
import io.warcast.harness.SampleClient;

/**
 * Deploys the sample at ROOT as parallel versions through the manager, the way an operator upgrades, and hands
 * out clients that stick to a version through their session.
 */
final class SampleVersions {

    private final ManagerClient manager = TomcatUnderTest.manager();

    /** Deploys {@code ROOT##version} and returns a client with a session in it. */
    SampleClient deploy(String version) {
        manager.deploy("/", version, TomcatUnderTest.sampleWar());
        SampleClient client = TomcatUnderTest.newSampleClient();
        assertThat(client.version())
                .as("a new client must land on the newest version, just deployed")
                .isEqualTo(version);
        return client;
    }

    void undeploy(String version) {
        manager.undeploy("/", version);
    }

    /** Undeploys whatever versions of ROOT are deployed, so each test class starts clean. */
    void undeployAll() {
        manager.list().stream()
                .filter(line -> line.startsWith("/:"))
                .map(line -> line.substring(line.lastIndexOf(':') + 1))
                .filter(name -> name.startsWith("ROOT##"))
                .forEach(name -> manager.undeploy("/", name.substring("ROOT##".length())));
    }
}
