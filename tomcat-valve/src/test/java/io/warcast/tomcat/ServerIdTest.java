package io.warcast.tomcat;

import static io.warcast.tomcat.MaintenanceValveTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.catalina.core.StandardEngine;
import org.apache.catalina.core.StandardHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdTest {

    @TempDir
    Path dir;

    @Test
    void theEnginesJvmRouteNamesTheServer() {
        assertThat(ServerId.of(hostWithJvmRoute(" node-a "))).isEqualTo("node-a");
    }

    @Test
    void withoutJvmRouteTheHostNameNamesTheServer() throws Exception {
        String hostName = InetAddress.getLocalHost().getHostName();

        assertThat(ServerId.of(hostWithJvmRoute(null))).isEqualTo(hostName);
        assertThat(ServerId.of(hostWithJvmRoute("  "))).isEqualTo(hostName);
        assertThat(ServerId.of(new StandardHost()))
                .as("a Host outside any Engine")
                .isEqualTo(hostName);
    }

    @Test
    void healthAndMaintenanceAnswersNeverSayNull() throws Exception {
        String hostName = InetAddress.getLocalHost().getHostName();
        try (MaintenanceTomcat server = new MaintenanceTomcat(dir, null)) {
            server.deploy("", "001");
            server.start();
            server.state().enter();

            HttpResponse<String> health = server.get("/warcast/health", null, MaintenanceTomcat.JSON);
            HttpResponse<String> rejected = server.get("/", null, MaintenanceTomcat.JSON);
            HttpResponse<String> page = server.get("/", null, MaintenanceTomcat.BROWSER);

            assertThat(json(health.body()))
                    .as("health without jvmRoute: %s", health.body())
                    .containsEntry("server", hostName);
            assertThat(json(rejected.body()))
                    .as("503 without jvmRoute: %s", rejected.body())
                    .containsEntry("server", hostName);
            assertThat(page.body()).contains("Server " + hostName);
        }
    }

    private static StandardHost hostWithJvmRoute(String jvmRoute) {
        StandardEngine engine = new StandardEngine();
        engine.setJvmRoute(jvmRoute);
        StandardHost host = new StandardHost();
        host.setName("localhost");
        engine.addChild(host);
        return host;
    }
}
