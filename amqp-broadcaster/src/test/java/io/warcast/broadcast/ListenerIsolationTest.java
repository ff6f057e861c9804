package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.LocalBroadcaster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyService;
import io.warcast.api.FlushRequest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listener that throws, blocks or falls behind harms only itself, and is told what it missed. */
class ListenerIsolationTest {

    @TempDir
    Path conf;

    @Test
    void aThrowingListenerStopsNeitherTheNextListenerNorTheNextChange() {
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf)) {
            DataNotifyService sender = broadcaster.join("/shop", "001").service();
            DataNotifyService receiver = broadcaster.join("/shop", "002").service();
            RecordingListener throwing = new RecordingListener() {
                @Override
                public void notifyDataChange(DataChangeEvent event) {
                    super.notifyDataChange(event);
                    if (event.sequence() == 1) {
                        throw new IllegalStateException("listener bug on purpose");
                    }
                }
            };
            RecordingListener next = new RecordingListener();
            receiver.registerDataNotifyListener(throwing);
            receiver.registerDataNotifyListener(next);

            sender.notifyDataChange(change("shop", 1));
            sender.notifyDataChange(change("shop", 2));

            eventually().until(() -> throwing.changes.size() == 2 && next.changes.size() == 2);
            assertThat(throwing.sequences()).containsExactly(1L, 2L);
            assertThat(next.sequences()).containsExactly(1L, 2L);
            assertThat(broadcaster.metrics().get(BroadcasterCounter.LISTENER_FAILURES))
                    .isEqualTo(1);
            eventually().until(() -> broadcaster.metrics().get(BroadcasterCounter.DELIVERED) == 3);
        }
    }

    @Test
    void aBlockedListenerDoesNotHoldUpAnotherListenerOrApplication() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.deliverythreads=2")) {
            DataNotifyService sender = broadcaster.join("/shop", "001").service();
            DataNotifyService receiver = broadcaster.join("/shop", "002").service();
            DataNotifyService otherApp = broadcaster.join("/admin", "").service();
            BlockingListener blocked = new BlockingListener(release);
            RecordingListener sameApp = new RecordingListener();
            RecordingListener inOtherApp = new RecordingListener();
            receiver.registerDataNotifyListener(blocked);
            receiver.registerDataNotifyListener(sameApp);
            otherApp.registerDataNotifyListener(inOtherApp);

            for (int i = 1; i <= 500; i++) {
                sender.notifyDataChange(change("shop", i));
            }

            eventually().until(() -> sameApp.changes.size() == 500 && inOtherApp.changes.size() == 500);
            assertThat(blocked.entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(blocked.changes)
                    .as("the blocked listener is still in its first call")
                    .isEmpty();
            release.countDown();
            eventually().until(() -> blocked.changes.size() == 500);
            assertThat(blocked.sequences())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 500).boxed().toList());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aListenerThatFellBehindIsToldToFlushTheDataSourceItMissed() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.listenerqueue=5")) {
            DataNotifyService sender = broadcaster.join("/shop", "001").service();
            DataNotifyService receiver = broadcaster.join("/shop", "002").service();
            BlockingListener slow = new BlockingListener(release);
            receiver.registerDataNotifyListener(slow);

            sender.notifyDataChange(change("customers", 1));
            assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 2; i <= 5; i++) {
                sender.notifyDataChange(change("customers", i));
            }
            for (int i = 6; i <= 20; i++) {
                sender.notifyDataChange(change("orders", i));
            }
            release.countDown();

            eventually().until(() -> slow.flushes.size() == 1);
            assertThat(slow.flushes)
                    .containsExactly(new FlushRequest(
                            Optional.of("orders"), FlushRequest.Reason.MISSED_CHANGES, Optional.empty()));
            assertThat(slow.sequences()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(broadcaster.metrics().get(BroadcasterCounter.DROPPED_OVERFLOW))
                    .isEqualTo(14);
            assertThat(broadcaster.metrics().get(BroadcasterCounter.RESYNCS)).isEqualTo(1);

            sender.notifyDataChange(change("orders", 21));
            eventually().until(() -> slow.changes.size() == 7);
            assertThat(slow.flushes).as("no second flush once caught up").hasSize(1);
        } finally {
            release.countDown();
        }
    }

    /** Waits for the latch in its first call; remembers an interrupt. */
    static class BlockingListener extends RecordingListener {

        final CountDownLatch entered = new CountDownLatch(1);
        volatile boolean interrupted;
        private final CountDownLatch release;

        BlockingListener(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void notifyDataChange(DataChangeEvent event) {
            entered.countDown();
            try {
                if (!release.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never released the listener");
                }
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
                return;
            }
            super.notifyDataChange(event);
        }
    }
}
