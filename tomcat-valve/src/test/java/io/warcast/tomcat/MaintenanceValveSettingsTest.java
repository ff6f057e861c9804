package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.apache.catalina.LifecycleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad settings stop the start with a message that names the attribute and the value, the RequestFilterValve way. */
class MaintenanceValveSettingsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "maintenance | yes | true or false",
                "retryAfterSeconds | soon | a whole number from 1 to 86400",
                "retryAfterSeconds | 0 | a whole number from 1 to 86400",
                "exemptPaths | /static/*,static | [static] is none of them",
                "healthPath | health | a path that starts with /",
                "maintenanceStatus | 200 | a whole number from 400 to 599",
                "healthUpStatus | 404 | a whole number from 200 to 299",
                "healthDrainStatus | 503 | a whole number from 200 to 499",
                "flagFile | conf/a\u0000b | a file path",
                "drainIdleSeconds | 0 | a whole number from 1 to 86400",
                "drainIdleSeconds | 5m | a whole number from 1 to 86400"
            })
    void aBadValueFailsTheStartNamingAttributeAndValue(String attribute, String value, String expected)
            throws Exception {
        try (MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a")) {
            set(server.valve, attribute, value);

            LifecycleException failure = assertThrows(LifecycleException.class, server::start);

            assertThat(failure)
                    .rootCause()
                    .hasMessageContaining("The MaintenanceValve attribute [" + attribute + "] is [" + value + "]")
                    .hasMessageContaining(expected);
            assertThat(server.tomcat.getServer().getState().isAvailable()).isFalse();
        }
    }

    @Test
    void aGoodValueAfterABadOneIsAccepted() throws Exception {
        try (MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a")) {
            server.valve.setRetryAfterSeconds("soon");
            server.valve.setRetryAfterSeconds("60");

            server.start();

            assertThat(server.valve.getRetryAfterSeconds()).isEqualTo("60");
        }
    }

    @Test
    void onAContextTheValveRefusesToStartSayingWhereItBelongs() throws Exception {
        try (MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a")) {
            server.start();

            Throwable failure = catchThrowable(() -> server.deploy("/shop", "", new MaintenanceValve()));

            assertThat(failure)
                    .rootCause()
                    .hasMessageStartingWith("The MaintenanceValve is configured inside [")
                    .hasMessageEndingWith("it belongs inside <Host> in server.xml");
        }
    }

    private static void set(MaintenanceValve valve, String attribute, String value) throws Exception {
        String setter = "set" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
        MaintenanceValve.class.getMethod(setter, String.class).invoke(valve, value);
    }
}
