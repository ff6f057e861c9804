package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeOperationsException;
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

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "maintenance | true",
                "flagFile | conf/other.maintenance",
                "retryAfterSeconds | 60",
                "exemptPaths | /static/*",
                "healthPath | /lb",
                "maintenanceStatus | 429",
                "healthUpStatus | 204",
                "healthDrainStatus | 200",
                "drainIdleSeconds | 60"
            })
    void aStartedValveRefusesAChangeSayingItTakesEffectOnlyAtStart(String attribute, String value) throws Exception {
        try (MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a")) {
            server.start();
            String before = get(server.valve, attribute);

            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> set(server.valve, attribute, value));

            assertThat(refused)
                    .hasMessage("The MaintenanceValve attribute [" + attribute + "] cannot be set to [" + value
                            + "] on a started valve: it takes effect only at start; set it in server.xml");
            assertThat(get(server.valve, attribute)).isEqualTo(before);
        }
    }

    @Test
    void overJmxASettingIsReadOnlyAndSettingItAnywayIsRefused() throws Exception {
        try (MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a")) {
            server.start();
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = server.valve.getObjectName();

            RuntimeOperationsException refused = assertThrows(
                    RuntimeOperationsException.class,
                    () -> jmx.setAttribute(name, new Attribute("retryAfterSeconds", "60")));

            assertThat(refused.getTargetException())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("[retryAfterSeconds]")
                    .hasMessageContaining("takes effect only at start");
            assertThat(jmx.getAttribute(name, "retryAfterSeconds")).isEqualTo("30");
        }
    }

    @Test
    void aStoppedValveTakesNewSettingsForItsNextStart() throws Exception {
        try (MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a")) {
            server.start();
            server.tomcat.stop();

            server.valve.setRetryAfterSeconds("60");
            server.start();

            assertThat(server.valve.getRetryAfterSeconds()).isEqualTo("60");
        }
    }

    private static void set(MaintenanceValve valve, String attribute, String value) throws Exception {
        try {
            MaintenanceValve.class
                    .getMethod("set" + capitalized(attribute), String.class)
                    .invoke(valve, value);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static String get(MaintenanceValve valve, String attribute) throws Exception {
        return (String)
                MaintenanceValve.class.getMethod("get" + capitalized(attribute)).invoke(valve);
    }

    private static String capitalized(String attribute) {
        return Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    }
}
