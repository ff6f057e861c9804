package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.LocalBroadcaster.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.BroadcasterStatus;
import io.warcast.api.DataNotifyService;
import io.warcast.api.spi.ParticipantSpec;
import io.warcast.api.spi.Participation;
import io.warcast.api.spi.WarcastProviders;
import io.warcast.broadcast.ListenerIsolationTest.BlockingListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applications come and go, the server starts and stops; nothing is delivered late and no thread is left. */
class LifecycleTest {

    @TempDir
    Path conf;

    private static List<String> warcastThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("warcast-"))
                .toList();
    }

    @Test
    void theProviderIsFoundThroughTheServiceLoader() {
        assertThat(WarcastProviders.load())
                .isInstanceOf(AmqpBroadcasterProvider.class)
                .extracting(provider -> provider.name())
                .isEqualTo("amqp-broadcaster");
    }

    @Test
    void theProviderTellsTheServerIdItUses() {
        assertThat(new AmqpBroadcasterProvider().serverId()).as("before start").isEmpty();
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf)) {
            assertThat(broadcaster.provider.serverId())
                    .as("without amqpbroadcast.serverid: the container's id (jvmRoute)")
                    .contains("tomcat-a");
        }
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.serverid=node-7")) {
            assertThat(broadcaster.provider.serverId())
                    .as("amqpbroadcast.serverid wins over the jvmRoute")
                    .contains("node-7");
        }
    }

    @Test
    void deliveryThreadsArePrestartedAtStartAndGoneAfterStop() {
        LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.deliverythreads=3");
        try {
            assertThat(warcastThreads())
                    .containsExactlyInAnyOrder("warcast-delivery-1", "warcast-delivery-2", "warcast-delivery-3");
            Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("warcast-"))
                    .forEach(thread -> {
                        assertThat(thread.isDaemon())
                                .as("%s is a daemon", thread)
                                .isTrue();
                        assertThat(thread.getContextClassLoader())
                                .as("context class loader of %s", thread)
                                .isSameAs(AmqpBroadcasterProvider.class.getClassLoader());
                    });
        } finally {
            broadcaster.close();
        }
        assertThat(warcastThreads()).as("threads left after stop").isEmpty();
    }

    @Test
    void stopGivesUpOnABusyListenerAfterTheShutdownTimeout() {
        CountDownLatch neverReleased = new CountDownLatch(1);
        LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.shutdowntimeout=100");
        DataNotifyService sender = broadcaster.join("/shop", "001").service();
        BlockingListener stuck = new BlockingListener(neverReleased);
        broadcaster.join("/shop", "002").service().registerDataNotifyListener(stuck);
        sender.notifyDataChange(change("shop", 1));
        eventually().until(() -> stuck.entered.getCount() == 0);

        broadcaster.close();

        eventually().until(() -> warcastThreads().isEmpty());
        assertThat(stuck.changes).isEmpty();
    }

    @Test
    void anInterruptedStopStillEndsTheDeliveryThreadsAndKeepsTheInterrupt() {
        CountDownLatch release = new CountDownLatch(1);
        LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.shutdowntimeout=60000");
        try {
            DataNotifyService sender = broadcaster.join("/shop", "001").service();
            BlockingListener stuck = new BlockingListener(release);
            broadcaster.join("/shop", "002").service().registerDataNotifyListener(stuck);
            sender.notifyDataChange(change("shop", 1));
            eventually().until(() -> stuck.entered.getCount() == 0);
            AtomicBoolean interruptKept = new AtomicBoolean();
            Thread stopping = new Thread(
                    () -> {
                        broadcaster.close();
                        interruptKept.set(Thread.currentThread().isInterrupted());
                    },
                    "test-stop");

            stopping.start();
            eventually().until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
            stopping.interrupt();

            eventually().until(() -> !stopping.isAlive());
            assertThat(interruptKept)
                    .as("the stopping thread is still interrupted")
                    .isTrue();
            eventually()
                    .alias("no warcast-delivery thread is left")
                    .until(() -> warcastThreads().stream().noneMatch(name -> name.startsWith("warcast-delivery-")));
        } finally {
            release.countDown();
        }
    }

    @Test
    void checkingTheSettingsRefusesABadValueByKeyValueAndExpectedFormAndStartsNothing() throws Exception {
        Files.writeString(conf.resolve("warcast.properties"), "amqpbroadcast.port=abc\n");
        AmqpBroadcasterProvider provider = new AmqpBroadcasterProvider(name -> null);

        assertThatThrownBy(() -> provider.checkSettings(LocalBroadcaster.environment(conf)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amqpbroadcast.port=[abc]: expected a whole number from 1 to 65535");
        assertThat(warcastThreads()).as("threads after a failed check").isEmpty();
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(BroadcasterJmx.objectName("tomcat-a")))
                .as("a check registers nothing in JMX")
                .isFalse();
    }

    @Test
    void checkingGoodSettingsStartsNothingAndLeavesTheProviderToStart() throws IOException {
        Files.writeString(conf.resolve("warcast.properties"), "amqpbroadcast.hostname=broker.invalid\n");
        AmqpBroadcasterProvider provider = new AmqpBroadcasterProvider(name -> null);

        provider.checkSettings(LocalBroadcaster.environment(conf));

        assertThat(warcastThreads()).as("threads after a check").isEmpty();
        provider.start(LocalBroadcaster.environment(conf));
        try {
            assertThat(warcastThreads()).contains("warcast-amqp-link-1");
        } finally {
            provider.stop();
        }
    }

    @Test
    void joiningBeforeStartOrAfterStopIsRefused() {
        AmqpBroadcasterProvider provider = new AmqpBroadcasterProvider(name -> null);
        ParticipantSpec shop = new ParticipantSpec("/shop", "001", getClass().getClassLoader(), Map.of());

        assertThatThrownBy(() -> provider.join(shop))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
        provider.start(LocalBroadcaster.environment(conf));
        provider.stop();
        assertThatThrownBy(() -> provider.join(shop))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STOPPED");
        assertThatThrownBy(() -> provider.start(LocalBroadcaster.environment(conf)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("starts only once");
    }

    @Test
    void withABrokerStartDoesNotWaitForItAndStopEndsTheLinkThreads() {
        LocalBroadcaster broadcaster = LocalBroadcaster.start(
                conf, "amqpbroadcast.hostname=broker.invalid", "amqpbroadcast.deliverythreads=1");
        try {
            assertThat(warcastThreads()).contains("warcast-amqp-link-1");
            assertThat(broadcaster.metrics().linkState())
                    .isIn(BroadcasterStatus.State.CONNECTING, BroadcasterStatus.State.DISCONNECTED);
            DataNotifyService shop = broadcaster.join("/shop", "001").service();
            shop.notifyDataChange(change("shop", 1));
            eventually().until(() -> broadcaster.metrics().lastError().isPresent());
            assertThat(broadcaster.metrics().buffered())
                    .as("the change waits in the outbox")
                    .isEqualTo(1);
        } finally {
            broadcaster.close();
        }
        assertThat(warcastThreads()).as("threads left after stop").isEmpty();
    }

    @Test
    void anApplicationSettingOtherThanTheExchangeIsRefusedAtJoin() {
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf)) {
            assertThatThrownBy(() -> broadcaster.join("/shop", "001", Map.of("amqpbroadcast.port", "5673")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("amqpbroadcast.port: ");
        }
    }

    @Test
    void afterStopDeliveryAnApplicationHearsNothingButMayStillPublish() throws InterruptedException {
        // One delivery thread serves the mailboxes in the order they were queued: once the fence application has
        // heard a change, every mailbox queued before it for that change has been served.
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.deliverythreads=1")) {
            DataNotifyService sender = broadcaster.join("/shop", "001").service();
            Participation receiver = broadcaster.join("/shop", "002");
            RecordingListener fence = new RecordingListener();
            broadcaster.join("/fence", "").service().registerDataNotifyListener(fence);
            RecordingListener heardByReceiver = new RecordingListener();
            RecordingListener heardBySender = new RecordingListener();
            receiver.service().registerDataNotifyListener(heardByReceiver);
            sender.registerDataNotifyListener(heardBySender);

            sender.notifyDataChange(change("shop", 1));
            eventually().until(() -> fence.changes.size() == 1);
            receiver.stopDelivery();
            sender.notifyDataChange(change("shop", 2));
            eventually().until(() -> fence.changes.size() == 2);
            receiver.service().notifyDataChange(change("shop", 3));
            eventually().until(() -> heardBySender.changes.size() == 1);

            assertThat(heardByReceiver.sequences()).containsExactly(1L);
            assertThat(heardBySender.changes.get(0).origin())
                    .isEqualTo(receiver.service().self());
        }
    }

    @Test
    void stopDeliveryDropsWhatIsWaiting() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.deliverythreads=1")) {
            DataNotifyService sender = broadcaster.join("/shop", "001").service();
            Participation receiver = broadcaster.join("/shop", "002");
            RecordingListener fence = new RecordingListener();
            broadcaster.join("/fence", "").service().registerDataNotifyListener(fence);
            BlockingListener blocked = new BlockingListener(release);
            receiver.service().registerDataNotifyListener(blocked);

            for (int i = 1; i <= 10; i++) {
                sender.notifyDataChange(change("shop", i));
            }
            assertThat(blocked.entered.await(10, TimeUnit.SECONDS)).isTrue();
            receiver.stopDelivery();
            release.countDown();

            eventually().until(() -> fence.changes.size() == 10);
            assertThat(blocked.sequences()).as("only the change in progress").containsExactly(1L);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aClosedApplicationCannotPublishAndIsNoLongerHeardFrom() {
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf)) {
            Participation shop1 = broadcaster.join("/shop", "001");
            DataNotifyService shop2 = broadcaster.join("/shop", "002").service();
            RecordingListener heardBy1 = new RecordingListener();
            shop1.service().registerDataNotifyListener(heardBy1);

            shop1.close();
            shop1.close();

            assertThatThrownBy(() -> shop1.service().notifyDataChange(change("shop", 1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("[/shop##001]");
            assertThatThrownBy(() -> shop1.service().sendMessage("c", "b")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> shop1.service().flushCachedDatabaseData(null))
                    .isInstanceOf(IllegalStateException.class);
            shop2.notifyDataChange(change("shop", 2));
            assertThat(broadcaster.metrics().get(BroadcasterCounter.PUBLISHED)).isEqualTo(1);
            assertThat(heardBy1.changes).isEmpty();
        }
    }

    @Test
    void badArgumentsAreRefusedWithClearMessages() {
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf)) {
            DataNotifyService shop = broadcaster.join("/shop", "001").service();

            assertThatThrownBy(() -> shop.notifyDataChange(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("change");
            assertThatThrownBy(() -> shop.flushCachedDatabaseData(" "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pass null to flush all");
            assertThatThrownBy(() -> shop.sendMessage(" ", "body"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("channel");
            assertThatThrownBy(() -> shop.sendMessage("prices", null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("body");
            assertThatThrownBy(() -> shop.registerDataNotifyListener(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("listener");
        }
    }
}
