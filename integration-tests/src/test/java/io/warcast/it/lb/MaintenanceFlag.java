package io.warcast.it.lb;

import static org.awaitility.Awaitility.await;

import io.warcast.harness.SampleClient;
import io.warcast.harness.TomcatNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Switches a Tomcat's maintenance the way docs/maintenance.md tells operators to: its flag file. */
final class MaintenanceFlag {

    // The valve looks at the flag file every backgroundProcessorDelay (10 s); allow for a loaded machine.
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(60);

    private MaintenanceFlag() {}

    /**
     * Creates or deletes {@code conf/warcast.maintenance} and waits until the node's health says so: UP when off,
     * MAINTENANCE or DRAINED when on (DRAINED at once when no session was used within drainIdleSeconds).
     */
    static void switchMaintenance(TomcatNode node, boolean on) throws IOException {
        if (on) {
            touch(node);
        } else {
            Files.deleteIfExists(flag(node));
        }
        SampleClient probe = new SampleClient(node.base().uri());
        await(node.jvmRoute() + "'s health says " + (on ? "MAINTENANCE or DRAINED" : "UP")
                        + " once its valve saw the flag file")
                .atMost(NOTICED_WITHIN)
                .until(() -> inMaintenance(probe.get("warcast/health").body()) == on);
    }

    /** Creates the flag file and returns at once: the valve notices it within backgroundProcessorDelay. */
    static void touch(TomcatNode node) throws IOException {
        Files.writeString(flag(node), "upgrading " + node.jvmRoute() + "\n");
    }

    /** Whether a health answer says the server is in maintenance (MAINTENANCE or DRAINED). */
    static boolean inMaintenance(String health) {
        if (health.contains("\"state\":\"MAINTENANCE\"") || health.contains("\"state\":\"DRAINED\"")) {
            return true;
        }
        if (health.contains("\"state\":\"UP\"")) {
            return false;
        }
        throw new IllegalStateException("A health answer without a known state: " + health);
    }

    static Duration noticedWithin() {
        return NOTICED_WITHIN;
    }

    /** Deletes the flag file of a node that is not running, so that it starts out of maintenance. */
    static void removeWhileStopped(TomcatNode node) throws IOException {
        Files.deleteIfExists(flag(node));
    }

    private static Path flag(TomcatNode node) {
        return node.base().base().resolve("conf/warcast.maintenance");
    }
}
