package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.warcast.api.WarcastServices;
import io.warcast.api.spi.ServerEnvironment;
import io.warcast.api.spi.WarcastProviders;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.loader.WebappClassLoaderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener in a real embedded Tomcat's lifecycle; only the provider is a fake. */
class WarcastLifecycleListenerTest {

    private static final String PORT_REFUSED = "amqpbroadcast.port=[abc]: expected a whole number from 1 to 65535";

    @TempDir
    Path dir;

    private EmbeddedTomcat server;
    private LogCapture log;

    @BeforeEach
    void setUp() {
        FakeWarcastProvider.reset();
        RecordingServletContextListener.reset();
        log = new LogCapture();
        server = new EmbeddedTomcat(dir, "node-a");
    }

    @AfterEach
    void tearDown() throws LifecycleException {
        try {
            server.close();
        } finally {
            log.close();
            System.clearProperty(WarcastProviders.PROVIDER_PROPERTY);
        }
    }

    @Test
    void startsTheProviderWithTheJvmRouteAndConfDirectoryUnderTheCommonLoader() throws Exception {
        server.withWarcast().start();

        assertThat(FakeWarcastProvider.starts)
                .as("the provider is started once, with jvmRoute and $CATALINA_BASE/conf")
                .containsExactly(
                        new ServerEnvironment(Optional.of("node-a"), Optional.of(server.baseDir.resolve("conf"))));
        assertThat(FakeWarcastProvider.contextClassLoaders)
                .as("the provider starts with Warcast's own (common) loader as context class loader")
                .containsOnly(WarcastLifecycleListener.class.getClassLoader());
        assertThat(log.messages(Level.INFO))
                .contains("Warcast provider [fake] started (server id [node-a]," + " configuration directory ["
                        + server.baseDir.resolve("conf") + "])")
                .as("the provider uses the jvmRoute: nothing to say about it")
                .noneMatch(line -> line.contains("differs"));
    }

    @Test
    void theStartLineShowsTheIdTheProviderUsesAndSaysWhenItIsNotTheJvmRoute() throws Exception {
        FakeWarcastProvider.serverIdRule = environment -> Optional.of("amqp-a");
        server.withWarcast().start();

        assertThat(log.messages(Level.INFO))
                .as("the provider's own id (amqpbroadcast.serverid) in the start line, and a word on the jvmRoute")
                .contains(
                        "Warcast provider [fake] started (server id [amqp-a], configuration directory ["
                                + server.baseDir.resolve("conf") + "])",
                        "Warcast provider [fake] uses server id [amqp-a] (amqpbroadcast.serverid), which differs from"
                                + " the jvmRoute [node-a] that the health endpoint shows for this server");
    }

    @Test
    void withoutAJvmRouteTheProvidersIdIsComparedWithTheHostName() throws Exception {
        server.close();
        server = new EmbeddedTomcat(dir, null);
        FakeWarcastProvider.serverIdRule = environment -> Optional.of("amqp-a");
        server.withWarcast().start();

        assertThat(log.messages(Level.INFO))
                .contains("Warcast provider [fake] uses server id [amqp-a] (amqpbroadcast.serverid), which differs"
                        + " from the host name [" + InetAddress.getLocalHost().getHostName()
                        + "] that the health endpoint shows for this server");
    }

    @Test
    void aProviderThatDoesNotTellItsIdIsShownWithoutOne() throws Exception {
        FakeWarcastProvider.serverIdRule = environment -> Optional.empty();
        server.withWarcast().start();

        assertThat(log.messages(Level.INFO))
                .as("no id is made up for it, and there is nothing to compare")
                .contains("Warcast provider [fake] started (server id [-], configuration directory ["
                        + server.baseDir.resolve("conf") + "])")
                .noneMatch(line -> line.contains("differs"));
    }

    @Test
    void eachVersionSeesItsServiceInItsOwnListenerAndJoinsWithPathVersionAndSettings() throws Exception {
        server.withWarcast();
        server.deploy("", "001", "amqpbroadcast.exchange=shop\ngreeting=grüß dich\n");
        server.deploy("", "002", null);
        server.start();

        FakeWarcastProvider.FakeParticipation v1 = FakeWarcastProvider.participation("/##001");
        FakeWarcastProvider.FakeParticipation v2 = FakeWarcastProvider.participation("/##002");
        assertThat(v1.spec.contextPath()).isEmpty();
        assertThat(v1.spec.webappVersion()).isEqualTo("001");
        assertThat(v1.spec.settings())
                .as("the settings of WEB-INF/warcast.properties, read as UTF-8")
                .isEqualTo(Map.of("amqpbroadcast.exchange", "shop", "greeting", "grüß dich"));
        assertThat(v2.spec.webappVersion()).isEqualTo("002");
        assertThat(v2.spec.settings())
                .as("no WEB-INF/warcast.properties, no settings")
                .isEmpty();

        assertThat(v1.spec.classLoader())
                .as("the spec carries the application's own class loader")
                .isInstanceOf(WebappClassLoaderBase.class)
                .isSameAs(server.context("", "001").getLoader().getClassLoader());
        assertThat(FakeWarcastProvider.contextClassLoaders)
                .as("join runs with the common loader as context class loader, not the application's")
                .containsOnly(WarcastLifecycleListener.class.getClassLoader());

        assertThat(RecordingServletContextListener.seenAtInitialization)
                .as("each application's own ServletContextListener finds its service in contextInitialized")
                .containsEntry("/##001", Optional.of(v1.service))
                .containsEntry("/##002", Optional.of(v2.service));
        assertThat(FakeWarcastProvider.journal)
                .as("the provider starts before the applications join, and they join before their listeners run")
                .containsSubsequence("start", "join /##001", "contextInitialized /##001")
                .containsSubsequence("start", "join /##002", "contextInitialized /##002");
        assertThat(log.messages(Level.INFO))
                .contains("Application [/##001] joined Warcast", "Application [/##002] joined Warcast");
    }

    @Test
    void anApplicationDeployedAfterTheServerStartedJoinsToo() throws Exception {
        server.withWarcast().start();

        server.deploy("/shop", "003", "a=b\n");

        Context later = server.context("/shop", "003");
        assertThat(later.getState()).isEqualTo(LifecycleState.STARTED);
        FakeWarcastProvider.FakeParticipation participation = FakeWarcastProvider.participation("/shop##003");
        assertThat(participation.spec.contextPath()).isEqualTo("/shop");
        assertThat(participation.spec.settings()).isEqualTo(Map.of("a", "b"));
        assertThat(RecordingServletContextListener.seenAtInitialization)
                .containsEntry("/shop##003", Optional.of(participation.service));
    }

    @Test
    void stoppingAnApplicationStopsDeliveryBeforeItsListenersAreDestroyedThenClosesAndRemovesTheService()
            throws Exception {
        server.withWarcast();
        server.deploy("", "001", null);
        server.deploy("", "002", null);
        server.start();
        Context v1 = server.context("", "001");
        var servletContext = v1.getServletContext();
        assertThat(servletContext.getAttribute(WarcastServices.SERVLET_CONTEXT_ATTRIBUTE))
                .isNotNull();
        FakeWarcastProvider.journal.clear();

        v1.stop();

        assertThat(FakeWarcastProvider.journal)
                .as("only the stopped version leaves, in this order")
                .containsExactly("stopDelivery /##001", "contextDestroyed /##001", "close /##001");
        assertThat(servletContext.getAttribute(WarcastServices.SERVLET_CONTEXT_ATTRIBUTE))
                .as("the stopped application's servlet context no longer holds its service (Tomcat clears it too)")
                .isNull();
        assertThat(log.messages(Level.INFO)).contains("Application [/##001] left Warcast");

        FakeWarcastProvider.journal.clear();
        v1.start();
        assertThat(FakeWarcastProvider.journal)
                .as("started again, it joins again as a new participant")
                .containsExactly("join /##001", "contextInitialized /##001");
    }

    @Test
    void undeployingAnApplicationLeavesAndForgetsIt() throws Exception {
        server.withWarcast();
        server.deploy("", "001", null);
        server.start();
        Context v1 = server.context("", "001");

        server.tomcat.getHost().removeChild(v1);

        assertThat(FakeWarcastProvider.journal)
                .endsWith("stopDelivery /##001", "contextDestroyed /##001", "close /##001");
        assertThat(v1.findLifecycleListeners())
                .as("the listener no longer follows a removed context")
                .noneMatch(WarcastLifecycleListener.class::isInstance);
    }

    @Test
    void redeployingTwentyTimesLeavesNothingThatHoldsTheApplicationsClassLoader() throws Exception {
        server.withWarcast().start();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            Context context = server.deploy("/shop", "001", "round=" + i + "\n");
            loaders.add(new WeakReference<>(context.getLoader().getClassLoader()));
            server.tomcat.getHost().removeChild(context);
        }

        assertThat(FakeWarcastProvider.journal)
                .as("every deployment joined and left")
                .filteredOn(line -> line.equals("close /shop##001"))
                .hasSize(20);
        // The fake keeps every spec it was given (and so every class loader): drop them, so that what is left
        // reachable is what Tomcat and the listener hold.
        FakeWarcastProvider.participations.clear();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    System.gc();
                    assertThat(loaders)
                            .as("no web application class loader is reachable after its context was removed")
                            .allMatch(reference -> reference.get() == null);
                });
    }

    @Test
    void theProviderHearsThatTheServerStartedOnceTheApplicationsDeployedAtStartUpHaveJoined() throws Exception {
        server.withWarcast();
        server.deploy("", "001", null);
        server.deploy("", "002", null);

        server.start();

        assertThat(FakeWarcastProvider.journal)
                .as("what waited on the broker for this server is for the applications deployed with it")
                .filteredOn(line -> line.startsWith("start") || line.startsWith("join") || line.startsWith("server"))
                .containsExactlyInAnyOrder("start", "join /##001", "join /##002", "serverStarted")
                .endsWith("serverStarted")
                .startsWith("start");
        assertThat(FakeWarcastProvider.contextClassLoaders)
                .as("serverStarted runs with the common loader as context class loader")
                .containsOnly(WarcastLifecycleListener.class.getClassLoader());
    }

    @Test
    void stoppingTheServerStopsTheProviderAfterEveryApplicationLeft() throws Exception {
        server.withWarcast();
        server.deploy("", "001", null);
        server.deploy("", "002", null);
        server.start();
        FakeWarcastProvider.journal.clear();
        FakeWarcastProvider.contextClassLoaders.clear();

        server.tomcat.stop();

        assertThat(FakeWarcastProvider.journal)
                .as("both versions left, and the provider stopped last")
                .containsExactlyInAnyOrder(
                        "stopDelivery /##001",
                        "contextDestroyed /##001",
                        "close /##001",
                        "stopDelivery /##002",
                        "contextDestroyed /##002",
                        "close /##002",
                        "stop")
                .last()
                .isEqualTo("stop");
        assertThat(FakeWarcastProvider.contextClassLoaders)
                .as("stop runs with the common loader as context class loader")
                .containsOnly(WarcastLifecycleListener.class.getClassLoader());
        assertThat(log.messages(Level.INFO)).contains("Warcast provider [fake] stopped");
    }

    @Test
    void aBadApplicationSettingFailsThatApplicationOnlyWithTheMessageInTheLog() throws Exception {
        server.withWarcast();
        server.deploy("", "001", FakeWarcastProvider.REJECTED_KEY + "=yes\n");
        server.deploy("", "002", null);
        server.start();

        assertThat(server.context("", "001").getState().isAvailable())
                .as("the application with the bad setting did not start")
                .isFalse();
        assertThat(RecordingServletContextListener.seenAtInitialization)
                .as("its own listeners never ran")
                .doesNotContainKey("/##001");
        assertThat(server.context("", "002").getState()).isEqualTo(LifecycleState.STARTED);

        LogRecord rejection = log.at(Level.SEVERE).stream()
                .filter(r -> r.getMessage().startsWith("Application [/##001] cannot start"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rejection logged: " + log.messages(Level.SEVERE)));
        assertThat(rejection.getMessage()).contains("fake.rejected is not a setting the fake accepts (value [yes])");
        assertThat(rejection.getThrown())
                .as("an expected condition: no stack trace")
                .isNull();
    }

    @Test
    void aBadProviderSettingStopsTomcatFromStarting() {
        FakeWarcastProvider.failStartWith =
                new IllegalArgumentException("amqpbroadcast.port is [abc], expected a port number");
        server.withWarcast();
        server.deploy("", "001", null);

        LifecycleException failure = assertThrows(LifecycleException.class, server::start);

        assertThat(failure).hasRootCauseMessage("amqpbroadcast.port is [abc], expected a port number");
        assertThat(server.tomcat.getServer().getState().isAvailable()).isFalse();
        assertThat(RecordingServletContextListener.seenAtInitialization)
                .as("no application started")
                .isEmpty();
        assertThat(log.messages(Level.SEVERE))
                .containsExactly("Warcast provider [fake] cannot start, so Tomcat does not start:"
                        + " [amqpbroadcast.port is [abc], expected a port number]");
        assertThat(server.exitStatuses).isEmpty();
    }

    @Test
    void theSettingsAreCheckedWhenTheServerInitialisesBeforeAnythingStarts() throws Exception {
        server.withWarcast();
        server.deploy("", "001", null);

        server.tomcat.init();

        assertThat(FakeWarcastProvider.checks)
                .as("checked once when the Server initialises, with jvmRoute and $CATALINA_BASE/conf")
                .containsExactly(
                        new ServerEnvironment(Optional.of("node-a"), Optional.of(server.baseDir.resolve("conf"))));
        assertThat(FakeWarcastProvider.journal).as("nothing started yet").containsExactly("checkSettings");
        assertThat(FakeWarcastProvider.contextClassLoaders)
                .as("the check runs with the common loader as context class loader")
                .containsOnly(WarcastLifecycleListener.class.getClassLoader());

        server.start();

        assertThat(FakeWarcastProvider.journal)
                .as("the provider checked at init is the one started, before the applications join")
                .containsSubsequence("checkSettings", "start", "join /##001", "contextInitialized /##001")
                .containsOnlyOnce("checkSettings", "start");
    }

    @Test
    void aBadSettingFailsTheServersInitBeforeAnythingStartsInOneLineWithoutStackTrace() {
        FakeWarcastProvider.failCheckWith = new IllegalArgumentException(PORT_REFUSED);
        server.withWarcast();
        server.deploy("", "001", null);

        LifecycleException failure = assertThrows(LifecycleException.class, server::start);

        assertThat(failure).hasRootCauseMessage(PORT_REFUSED);
        assertThat(server.tomcat.getServer().getState()).isEqualTo(LifecycleState.FAILED);
        assertThat(FakeWarcastProvider.journal)
                .as("neither the provider nor any application started")
                .isEmpty();
        assertThat(log.at(Level.SEVERE)).singleElement().satisfies(record -> {
            assertThat(record.getMessage())
                    .isEqualTo(
                            "Warcast provider [fake] cannot start, so Tomcat does not start: [" + PORT_REFUSED + "]");
            assertThat(record.getThrown())
                    .as("an expected condition: no stack trace")
                    .isNull();
        });
        assertThat(server.exitStatuses)
                .as("an embedded Tomcat's JVM belongs to the program that embeds it: the exception is its to handle")
                .isEmpty();
    }

    @Test
    void runByCatalinaABadSettingEndsTheProcessWithStatus1WhenTheServerInitialises() {
        FakeWarcastProvider.failCheckWith = new IllegalArgumentException(PORT_REFUSED);
        server.withWarcast().runByCatalina();
        server.deploy("", "001", null);

        // Only because the test's exit returns does the Server's init go on to fail.
        assertThrows(LifecycleException.class, server.tomcat::init);

        assertThat(server.exitStatuses).as("the exit status asked for").containsExactly(1);
        assertThat(FakeWarcastProvider.journal).isEmpty();
        assertThat(log.messages(Level.SEVERE))
                .containsExactly(
                        "Warcast provider [fake] cannot start, so Tomcat does not start: [" + PORT_REFUSED + "]");
    }

    @Test
    void runByCatalinaAProviderThatFailsToStartEndsTheProcessWithStatus1AfterItsStackTrace() {
        IllegalStateException failure = new IllegalStateException("the fake cannot start");
        FakeWarcastProvider.failStartWith = failure;
        server.withWarcast().runByCatalina();

        assertThrows(LifecycleException.class, server::start);

        assertThat(server.exitStatuses).containsExactly(1);
        assertThat(log.at(Level.SEVERE)).singleElement().satisfies(record -> {
            assertThat(record.getMessage())
                    .isEqualTo("Warcast provider [fake] failed to start, so Tomcat does not start");
            assertThat(record.getThrown())
                    .as("an unexpected failure keeps its stack trace")
                    .isSameAs(failure);
        });
    }

    @Test
    void runByCatalinaAFailedStartAfterTheServerHadStartedOnceLeavesTheProcessAlone() throws Exception {
        server.withWarcast().runByCatalina().start();
        server.tomcat.stop();
        FakeWarcastProvider.failStartWith = new IllegalStateException("the fake cannot start again");

        assertThrows(LifecycleException.class, server::start);

        assertThat(server.exitStatuses)
                .as("once started, Catalina's shutdown hook waits for the Server that the failing start holds")
                .isEmpty();
    }

    @Test
    void withoutAProviderTomcatStartsWithoutWarcastAndSaysWhyInOneLine() throws Exception {
        System.setProperty(WarcastProviders.PROVIDER_PROPERTY, "com.example.NotInstalled");
        server.withWarcast();
        server.deploy("", "001", null);
        server.start();

        assertThat(server.context("", "001").getState()).isEqualTo(LifecycleState.STARTED);
        assertThat(RecordingServletContextListener.seenAtInitialization).containsEntry("/##001", Optional.empty());
        assertThat(FakeWarcastProvider.journal).doesNotContain("start").noneMatch(line -> line.startsWith("join"));
        assertThat(log.at(Level.SEVERE)).singleElement().satisfies(record -> {
            assertThat(record.getMessage())
                    .startsWith("Tomcat starts without Warcast: [The Warcast provider [com.example.NotInstalled]");
            assertThat(record.getThrown()).isNull();
        });
    }

    @Test
    void placedInsideTheHostItSaysItBelongsInsideServerAndDoesNothing() throws Exception {
        server.tomcat.getHost().addLifecycleListener(new WarcastLifecycleListener());
        server.deploy("", "001", null);
        server.start();

        assertThat(FakeWarcastProvider.journal).containsExactly("contextInitialized /##001");
        assertThat(log.messages(Level.SEVERE)).singleElement().asString().contains("it belongs inside <Server>");
    }
}
