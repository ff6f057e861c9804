package io.warcast.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warcast.harness.ManagerClient;
import io.warcast.harness.SampleClient;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Warcast's threads belong to the server, and it forgets an application when it stops. Redeploying
 * {@code ROOT##001} twenty times, with changes flowing both ways each time, must leave no extra thread and no web
 * application class loader behind, as Tomcat's own leak detection (manager {@code findleaks}) sees it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployLeakIT {

    private static final int REDEPLOYS = 20;
    private static final String PEER_PATH = "/peer";

    private final SampleVersions versions = new SampleVersions();
    private final ManagerClient manager = TomcatUnderTest.manager();

    @AfterAll
    static void undeploy() {
        new SampleVersions().undeployAll();
        TomcatUnderTest.manager().undeploy(PEER_PATH, "");
    }

    @Test
    void redeploying001TwentyTimesLeavesNoThreadAndNoClassLoaderBehind() {
        versions.undeployAll();
        manager.deploy(PEER_PATH, "", TomcatUnderTest.sampleWar());
        SampleClient peer = new SampleClient(TomcatUnderTest.base().uri().resolve(PEER_PATH + "/"));
        long warcastThreadsBefore = warcastThreads();

        for (int round = 1; round <= REDEPLOYS; round++) {
            SampleClient userOn001 = versions.deploy("001");
            long fromRoot = 1_000 + round;
            long fromPeer = 2_000 + round;
            userOn001.putItem(fromRoot, "from 001, round " + round, round);
            peer.putItem(fromPeer, "from peer, round " + round, round);
            await("round " + round + ": the peer hears 001")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Heard.contains(peer.heard(), fromRoot));
            await("round " + round + ": 001 hears the peer")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Heard.contains(userOn001.heard(), fromPeer));
            versions.undeploy("001");
        }

        assertThat(warcastThreads())
                .as("Warcast threads after %d redeploys (before: %d)", REDEPLOYS, warcastThreadsBefore)
                .isEqualTo(warcastThreadsBefore);
        List<String> leaks = await("Tomcat's findleaks reports no web application class loader left in memory")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(manager::findLeaks, List::isEmpty);
        assertThat(leaks).isEmpty();
    }

    private long warcastThreads() {
        return manager.threadDump()
                .lines()
                .filter(line -> line.startsWith("\"warcast-"))
                .count();
    }
}
