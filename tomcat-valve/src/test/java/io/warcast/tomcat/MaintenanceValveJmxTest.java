package io.warcast.tomcat;

import static io.warcast.tomcat.MaintenanceTomcat.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.tomcat.util.modeler.AttributeInfo;
import org.apache.tomcat.util.modeler.ManagedBean;
import org.apache.tomcat.util.modeler.OperationInfo;
import org.apache.tomcat.util.modeler.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The valve over JMX on a real embedded Tomcat, as an operator sees it in JConsole: Tomcat registers it from the
 * package's {@code mbeans-descriptors.xml} under the Host's name, with read-only state and settings and the
 * operations {@code enter} and {@code leave}.
 */
class MaintenanceValveJmxTest {

    /** The embedded Tomcat's Engine is called "Tomcat"; in a standalone Tomcat the domain is "Catalina". */
    private static final String NAME = "Tomcat:type=Valve,host=localhost,name=MaintenanceValve";

    private static final Set<String> STATE =
            Set.of("maintenanceOn", "healthState", "switchedBy", "switchedAt", "activeSessions");
    private static final Set<String> SETTINGS = Set.of(
            "maintenance",
            "flagFile",
            "retryAfterSeconds",
            "exemptPaths",
            "healthPath",
            "maintenanceStatus",
            "healthUpStatus",
            "healthDrainStatus",
            "drainIdleSeconds");
    /** What Tomcat's own valve descriptors show, answered by ValveBase and by the model MBean itself. */
    private static final Set<String> TOMCAT = Set.of("asyncSupported", "stateName", "className", "modelerType");

    private static final Set<String> ANSWERED_BY_THE_MODEL_MBEAN = Set.of("className", "modelerType");

    @TempDir
    Path dir;

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Test
    void tomcatRegistersTheValveFromItsDescriptorWithEverythingReadOnly() throws Exception {
        try (MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a").start()) {
            assertRegisteredFromTheDescriptor(server);
        }
    }

    private void assertRegisteredFromTheDescriptor(MaintenanceTomcat server) throws Exception {
        ObjectName name = new ObjectName(NAME);
        assertThat(server.valve.getObjectName()).isEqualTo(name);

        MBeanInfo info = jmx.getMBeanInfo(name);

        assertThat(info.getDescription())
                .as("the descriptor's description, not introspection's")
                .startsWith("Warcast maintenance mode");
        assertThat(Arrays.stream(info.getAttributes()).map(MBeanAttributeInfo::getName))
                .containsExactlyInAnyOrderElementsOf(union(List.of(STATE, SETTINGS, TOMCAT)));
        assertThat(info.getAttributes())
                .as("no attribute is writable: settings take effect at start, the state has operations")
                .noneMatch(MBeanAttributeInfo::isWritable);
        assertThat(Arrays.stream(info.getOperations()).map(MBeanOperationInfo::getName))
                .containsExactlyInAnyOrder("enter", "leave");
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            assertThat(jmx.getAttribute(name, attribute.getName()))
                    .as("%s is readable", attribute.getName())
                    .isNotNull();
        }
        assertThat(jmx.getAttribute(name, "retryAfterSeconds")).isEqualTo("30");
        assertThat(jmx.getAttribute(name, "flagFile")).isEqualTo("conf/warcast.maintenance");
    }

    /** Hand-written descriptors drift from their beans (Tomcat's own did): this one is checked against the valve. */
    @Test
    void theDescriptorAndTheValveAgree() throws Exception {
        ManagedBean descriptor = Registry.getRegistry(null, null).findManagedBean(null, MaintenanceValve.class, null);
        Set<String> described = Arrays.stream(descriptor.getAttributes())
                .map(AttributeInfo::getName)
                .collect(Collectors.toSet());
        Set<String> settings = properties(MaintenanceValve.class);
        Set<String> state = properties(MaintenanceValveMBean.class);
        Set<String> setters = Arrays.stream(MaintenanceValve.class.getDeclaredMethods())
                .map(Method::getName)
                .filter(method -> method.startsWith("set"))
                .map(method -> Introspector.decapitalize(method.substring(3)))
                .collect(Collectors.toSet());

        assertThat(described).containsExactlyInAnyOrderElementsOf(union(List.of(STATE, SETTINGS, TOMCAT)));
        assertThat(settings).as("the valve's properties").containsExactlyInAnyOrderElementsOf(SETTINGS);
        assertThat(state).as("its MBean's").containsExactlyInAnyOrderElementsOf(STATE);
        assertThat(setters).as("every setter is a setting").containsExactlyInAnyOrderElementsOf(SETTINGS);
        for (AttributeInfo attribute : descriptor.getAttributes()) {
            assertThat(attribute.isWriteable()).as(attribute.getName()).isFalse();
            if (!ANSWERED_BY_THE_MODEL_MBEAN.contains(attribute.getName())) {
                Method getter = method(attribute.getGetMethod());
                assertThat(getter.getReturnType().getName())
                        .as("the type of %s", attribute.getName())
                        .isEqualTo(attribute.getType());
            }
        }
        for (OperationInfo operation : descriptor.getOperations()) {
            assertThat(MaintenanceValveMBean.class
                            .getMethod(operation.getName())
                            .getReturnType()
                            .getName())
                    .isEqualTo(operation.getReturnType());
        }
    }

    @Test
    void enterAndLeaveSwitchTheServerAndTheStateAttributesFollow() throws Exception {
        try (LogCapture stateLog = new LogCapture(MaintenanceState.class);
                MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a")) {
            server.deploy("", "001");
            server.start();
            server.login("");
            assertEnterAndLeave(server, stateLog);
        }
    }

    private void assertEnterAndLeave(MaintenanceTomcat server, LogCapture stateLog) throws Exception {
        ObjectName name = new ObjectName(NAME);
        assertThat(jmx.getAttribute(name, "maintenanceOn")).isEqualTo(false);
        assertThat(jmx.getAttribute(name, "healthState")).isEqualTo("UP");
        assertThat(jmx.getAttribute(name, "switchedAt")).as("no change yet").isEqualTo("");

        jmx.invoke(name, "enter", null, null);

        assertThat(server.state().isOn()).isTrue();
        assertThat(server.get("/", null, JSON).statusCode()).isEqualTo(503);
        assertThat(jmx.getAttribute(name, "maintenanceOn")).isEqualTo(true);
        assertThat(jmx.getAttribute(name, "healthState"))
                .as("the session just made is active")
                .isEqualTo("MAINTENANCE");
        assertThat(jmx.getAttribute(name, "activeSessions")).isEqualTo(1);
        assertThat(jmx.getAttribute(name, "switchedBy")).isEqualTo("JMX");
        assertThat(Instant.parse((String) jmx.getAttribute(name, "switchedAt"))).isBeforeOrEqualTo(Instant.now());

        jmx.invoke(name, "leave", null, null);
        server.state().enter();
        assertThat(jmx.getAttribute(name, "maintenanceOn"))
                .as("JMX sees what the Java API switched")
                .isEqualTo(true);
        assertThat(jmx.getAttribute(name, "switchedBy")).isEqualTo("Java API");
        assertThat(stateLog.messages(Level.INFO))
                .containsExactly(
                        "Maintenance mode ON, switched by [JMX]: requests without a valid session get the"
                                + " maintenance response",
                        "Maintenance mode OFF, switched by [JMX]",
                        "Maintenance mode ON, switched by [Java API]: requests without a valid session get the"
                                + " maintenance response");
    }

    @Test
    void eachHostsValveIsRegisteredWhileItsHostLivesAndEitherSwitchesTheServer() throws Exception {
        ObjectName local = new ObjectName(NAME);
        MaintenanceTomcat server = new MaintenanceTomcat(dir, "node-a");
        try (server) {
            server.addHost("other.example");
            server.start();
            assertEitherHostSwitches(server, local);
        }
        assertThat(jmx.isRegistered(local)).as("gone with the Server").isFalse();
    }

    private void assertEitherHostSwitches(MaintenanceTomcat server, ObjectName local) throws Exception {
        ObjectName other = new ObjectName("Tomcat:type=Valve,host=other.example,name=MaintenanceValve");
        assertThat(jmx.isRegistered(other)).isTrue();

        jmx.invoke(other, "enter", null, null);
        assertThat(jmx.getAttribute(local, "maintenanceOn")).isEqualTo(true);

        server.tomcat.getEngine().removeChild(server.tomcat.getEngine().findChild("other.example"));
        assertThat(jmx.isRegistered(other)).as("gone with its Host").isFalse();
        assertThat(jmx.getAttribute(local, "maintenanceOn"))
                .as("the state is the Server's: it outlives the Host")
                .isEqualTo(true);
    }

    /** The public getters a class declares, as property names. */
    private static Set<String> properties(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && method.getParameterCount() == 0)
                .map(Method::getName)
                .filter(method -> method.matches("(get|is)[A-Z].*"))
                .map(method -> Introspector.decapitalize(method.substring(method.startsWith("is") ? 2 : 3)))
                .collect(Collectors.toSet());
    }

    /** Where Tomcat's model MBean finds a method without parameters: on the MBean first, then on the valve. */
    private static Method method(String name) throws NoSuchMethodException {
        try {
            return MaintenanceValveMBean.class.getMethod(name);
        } catch (NoSuchMethodException notOnTheMBean) {
            return MaintenanceValve.class.getMethod(name);
        }
    }

    private static Set<String> union(List<Set<String>> sets) {
        return sets.stream().flatMap(Set::stream).collect(Collectors.toSet());
    }
}
