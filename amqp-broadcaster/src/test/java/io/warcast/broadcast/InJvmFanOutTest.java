package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.LocalBroadcaster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.AppMessage;
import io.warcast.api.BroadcasterCounter;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyService;
import io.warcast.api.FlushRequest;
import io.warcast.api.spi.ParticipantSpec;
import io.warcast.api.spi.Participation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel versions of web applications in one Tomcat hear each other, each change once, in order. */
class InJvmFanOutTest {

    @TempDir
    Path conf;

    private LocalBroadcaster broadcaster;

    @BeforeEach
    void start() {
        broadcaster = LocalBroadcaster.start(conf);
    }

    @AfterEach
    void stop() {
        broadcaster.close();
    }

    @Test
    void aChangeReachesEveryOtherParticipantButNotItsSender() {
        DataNotifyService shop1 = broadcaster.join("/shop", "001").service();
        DataNotifyService shop2 = broadcaster.join("/shop", "002").service();
        DataNotifyService admin = broadcaster.join("/admin", "").service();
        RecordingListener heardBy1 = register(shop1);
        RecordingListener heardBy2 = register(shop2);
        RecordingListener heardByAdmin = register(admin);

        shop1.notifyDataChange(change("shop", 1));
        eventually().until(() -> heardBy2.changes.size() == 1 && heardByAdmin.changes.size() == 1);
        // shop1's mailbox is FIFO: had its own change been queued for it, it would arrive before this one.
        shop2.notifyDataChange(change("shop", 2));
        eventually().until(() -> heardBy1.changes.size() == 1);

        assertThat(heardBy1.changes)
                .extracting(event -> event.origin().application())
                .containsExactly("/shop##002");
        DataChangeEvent heard = heardBy2.changes.get(0);
        assertThat(heard.origin()).isEqualTo(shop1.self());
        assertThat(heard.sequence()).isEqualTo(1);
        assertThat(heard.change()).isEqualTo(change("shop", 1));
        assertThat(shop1.self().serverId()).isEqualTo("tomcat-a");
        assertThat(shop1.self().instanceId()).isNotEqualTo(shop2.self().instanceId());
    }

    @Test
    void participantsOnDifferentExchangesDoNotHearEachOther() {
        DataNotifyService shopA = broadcaster.join("/shop", "001").service();
        DataNotifyService shopB = broadcaster.join("/shop", "002").service();
        DataNotifyService otherA = broadcaster
                .join("/other", "001", Map.of("amqpbroadcast.exchange", "other"))
                .service();
        DataNotifyService otherB = broadcaster
                .join("/other", "002", Map.of("amqpbroadcast.exchange", "other"))
                .service();
        RecordingListener heardByShopB = register(shopB);
        RecordingListener heardByOtherA = register(otherA);

        shopA.notifyDataChange(change("shop", 1));
        otherB.notifyDataChange(change("other", 2));
        eventually().until(() -> heardByShopB.changes.size() == 1 && heardByOtherA.changes.size() == 1);

        assertThat(heardByShopB.changes)
                .extracting(e -> e.change().dataSource())
                .containsExactly("shop");
        assertThat(heardByOtherA.changes)
                .extracting(e -> e.change().dataSource())
                .containsExactly("other");
    }

    @Test
    void aThousandChangesArriveInOrderEachOnce() {
        DataNotifyService sender = broadcaster.join("/shop", "001").service();
        RecordingListener receiver = register(broadcaster.join("/shop", "002").service());

        for (int i = 1; i <= 1000; i++) {
            sender.notifyDataChange(change("shop", i));
        }

        eventually().until(() -> receiver.changes.size() >= 1000);
        assertThat(receiver.sequences())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 1000).boxed().toList());
        assertThat(receiver.changes)
                .extracting(e -> e.change().primaryKeys().get(0).get("id"))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 1000).boxed().toList());
        assertThat(receiver.changes).extracting(DataChangeEvent::messageId).doesNotHaveDuplicates();
        assertThat(broadcaster.metrics().get(BroadcasterCounter.PUBLISHED)).isEqualTo(1000);
        eventually().until(() -> broadcaster.metrics().get(BroadcasterCounter.DELIVERED) == 1000);
    }

    @Test
    void concurrentPublishersKeepEachSendersOrder() throws Exception {
        DataNotifyService shop1 = broadcaster.join("/shop", "001").service();
        DataNotifyService shop2 = broadcaster.join("/shop", "002").service();
        RecordingListener receiver = register(broadcaster.join("/shop", "003").service());
        int threads = 8;
        int perThread = 250;
        ExecutorService requests = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                DataNotifyService sender = t % 2 == 0 ? shop1 : shop2;
                String thread = "t" + t;
                done.add(requests.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        sender.notifyDataChange(change(thread, i));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            requests.shutdownNow();
        }

        eventually().until(() -> receiver.changes.size() >= threads * perThread);
        int perSender = threads / 2 * perThread;
        for (DataNotifyService sender : List.of(shop1, shop2)) {
            List<Long> sequences = receiver.changes.stream()
                    .filter(e -> e.origin().equals(sender.self()))
                    .map(DataChangeEvent::sequence)
                    .toList();
            assertThat(sequences)
                    .as("sequence numbers of %s as heard", sender.self())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, perSender).boxed().toList());
        }
        for (int t = 0; t < threads; t++) {
            String thread = "t" + t;
            assertThat(receiver.changes.stream()
                            .filter(e -> e.change().dataSource().equals(thread))
                            .map(e -> e.change().primaryKeys().get(0).get("id")))
                    .as("changes published by request thread %s", thread)
                    .containsExactlyElementsOf(
                            LongStream.range(0, perThread).boxed().toList());
        }
    }

    @Test
    void flushRequestsAndMessagesReachTheOthers() {
        DataNotifyService shop1 = broadcaster.join("/shop", "001").service();
        DataNotifyService shop2 = broadcaster.join("/shop", "002").service();
        RecordingListener listener = register(shop2);
        List<AppMessage> prices = new CopyOnWriteArrayList<>();
        List<AppMessage> other = new CopyOnWriteArrayList<>();
        shop2.registerMessageListener("prices", prices::add);
        shop2.registerMessageListener("other", other::add);

        shop1.flushCachedDatabaseData("shop");
        shop1.flushCachedDatabaseData(null);
        shop1.sendMessage("prices", "{\"sku\":1}");

        eventually().until(() -> listener.flushes.size() == 2 && prices.size() == 1);
        assertThat(listener.flushes)
                .containsExactly(
                        new FlushRequest(Optional.of("shop"), FlushRequest.Reason.REQUESTED, Optional.of(shop1.self())),
                        new FlushRequest(Optional.empty(), FlushRequest.Reason.REQUESTED, Optional.of(shop1.self())));
        assertThat(prices.get(0).body()).isEqualTo("{\"sku\":1}");
        assertThat(prices.get(0).origin()).isEqualTo(shop1.self());
        assertThat(other).isEmpty();
    }

    @Test
    void aListenerRegisteredTwiceHearsEachChangeOnceAndNothingAfterDeregistering() {
        DataNotifyService sender = broadcaster.join("/shop", "001").service();
        DataNotifyService receiver = broadcaster.join("/shop", "002").service();
        RecordingListener twice = new RecordingListener();
        RecordingListener fence = register(receiver);
        receiver.registerDataNotifyListener(twice);
        receiver.registerDataNotifyListener(twice);

        sender.notifyDataChange(change("shop", 1));
        eventually().until(() -> fence.changes.size() == 1 && twice.changes.size() == 1);
        receiver.deregisterDataNotifyListener(twice);
        sender.notifyDataChange(change("shop", 2));
        eventually().until(() -> fence.changes.size() == 2);

        assertThat(twice.sequences()).containsExactly(1L);
    }

    @Test
    void listenersRunOnWarcastThreadsWithTheApplicationsClassLoader() {
        ClassLoader appLoader = new ClassLoader() {};
        DataNotifyService sender = broadcaster.join("/shop", "001").service();
        Participation receiver = broadcaster.provider.join(new ParticipantSpec("/shop", "002", appLoader, Map.of()));
        RecordingListener listener = register(receiver.service());
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        sender.notifyDataChange(change("shop", 1));

        eventually().until(() -> listener.changes.size() == 1);
        assertThat(listener.contextLoaders).containsExactly(appLoader);
        assertThat(listener.threadNames).singleElement().asString().startsWith("warcast-delivery-");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    private static RecordingListener register(DataNotifyService service) {
        RecordingListener listener = new RecordingListener();
        service.registerDataNotifyListener(listener);
        return listener;
    }
}
