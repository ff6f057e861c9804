package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.LocalBroadcaster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.DataNotifyService;
import io.warcast.api.FlushRequest;
import io.warcast.api.Origin;
import io.warcast.broadcast.delivery.DeliveryPool;
import io.warcast.broadcast.delivery.MailboxFactory;
import io.warcast.broadcast.delivery.ParticipantContext;
import io.warcast.broadcast.fanout.LocalFanOut;
import io.warcast.broadcast.fanout.RemoteLink;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.Payload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What participants publish goes to the remote link as envelopes; what the link receives reaches them. */
class RemoteFanOutTest {

    private final BroadcasterMetrics metrics = new BroadcasterMetrics();
    private final DeliveryPool pool = new DeliveryPool(2);
    private final LocalFanOut fanOut = new LocalFanOut(new MailboxFactory(pool, 100, metrics), metrics);
    private final List<String> sentTo = new CopyOnWriteArrayList<>();
    private final List<Envelope> sent = new CopyOnWriteArrayList<>();
    private final List<String> exchangesInUse = new CopyOnWriteArrayList<>();

    RemoteFanOutTest() {
        fanOut.attach(new RemoteLink() {
            @Override
            public void send(String exchange, Envelope envelope) {
                sentTo.add(exchange);
                sent.add(envelope);
            }

            @Override
            public void exchangeInUse(String exchange) {
                exchangesInUse.add(exchange);
            }
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        fanOut.closeAll();
        pool.shutdown(1_000);
    }

    private DataNotifyService join(String contextPath, String exchange) {
        Origin origin = new Origin("node-a", contextPath, "001", contextPath + "-instance");
        return fanOut.join(
                        origin,
                        exchange,
                        new ParticipantContext(contextPath, getClass().getClassLoader()))
                .service();
    }

    @Test
    void everyPublishBecomesOneEnvelopeWithOneSequenceOverAllKinds() {
        DataNotifyService shop = join("/shop", "warcast");
        RecordingListener other = new RecordingListener();
        join("/other", "warcast").registerDataNotifyListener(other);

        shop.notifyDataChange(change("shop", 1));
        shop.flushCachedDatabaseData("shop");
        shop.sendMessage("chat", "hello");
        shop.notifyDataChange(change("shop", 2));

        assertThat(exchangesInUse).containsExactly("warcast", "warcast");
        assertThat(sentTo).containsOnly("warcast");
        assertThat(sent).extracting(Envelope::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(sent)
                .extracting(envelope -> envelope.payload().kind())
                .containsExactly("change", "flush", "message", "change");
        assertThat(sent).extracting(Envelope::origin).containsOnly(shop.self());
        eventually().until(() -> other.changes.size() == 2);
        assertThat(other.sequences())
                .as("the local participant hears the envelope's sequence")
                .containsExactly(1L, 4L);
        assertThat(other.changes.get(0).messageId()).isEqualTo(sent.get(0).messageId());
    }

    @Test
    void anEnvelopeFromAnotherServerReachesEveryParticipantOnItsExchangeOnly() {
        RecordingListener onWarcast1 = new RecordingListener();
        RecordingListener onWarcast2 = new RecordingListener();
        RecordingListener onOther = new RecordingListener();
        join("/a", "warcast").registerDataNotifyListener(onWarcast1);
        join("/b", "warcast").registerDataNotifyListener(onWarcast2);
        join("/c", "other").registerDataNotifyListener(onOther);
        Origin remote = new Origin("node-b", "/shop", "", "remote-instance");

        fanOut.deliverFromRemote(
                "warcast", new Envelope("m-1", remote, 7, Instant.now(), new Payload.Change(change("shop", 1))));

        eventually().until(() -> onWarcast1.changes.size() == 1 && onWarcast2.changes.size() == 1);
        assertThat(onWarcast1.changes.get(0).origin()).isEqualTo(remote);
        assertThat(onWarcast1.changes.get(0).sequence()).isEqualTo(7);
        assertThat(onOther.changes).isEmpty();
        assertThat(sent).as("nothing received from another server is sent on").isEmpty();
    }

    @Test
    void aResyncAsksEveryDataListenerOnTheExchangeToFlush() {
        RecordingListener onWarcast = new RecordingListener();
        RecordingListener onOther = new RecordingListener();
        join("/a", "warcast").registerDataNotifyListener(onWarcast);
        join("/c", "other").registerDataNotifyListener(onOther);

        fanOut.resync("warcast", Optional.of("shop"));
        eventually().until(() -> onWarcast.flushes.size() == 1);
        assertThat(onWarcast.flushes.get(0))
                .isEqualTo(new FlushRequest(Optional.of("shop"), FlushRequest.Reason.MISSED_CHANGES, Optional.empty()));

        fanOut.resyncAll();
        eventually().until(() -> onWarcast.flushes.size() == 2 && onOther.flushes.size() == 1);
        assertThat(onOther.flushes.get(0).flushesAll()).isTrue();
        assertThat(metrics.get(BroadcasterCounter.RESYNCS)).isEqualTo(3);
    }

    @Test
    void aMissedChangesFlushFromAnotherServerComesAsWarcastsOwnRequest() {
        RecordingListener listener = new RecordingListener();
        join("/a", "warcast").registerDataNotifyListener(listener);
        Origin remote = new Origin("node-b", "", "", "outbox");

        fanOut.deliverFromRemote(
                "warcast",
                new Envelope(
                        "m-1",
                        remote,
                        1,
                        Instant.now(),
                        new Payload.Flush(Optional.of("shop"), FlushRequest.Reason.MISSED_CHANGES)));

        eventually().until(() -> listener.flushes.size() == 1);
        assertThat(listener.flushes.get(0).origin()).isEmpty();
        assertThat(listener.flushes.get(0).reason()).isEqualTo(FlushRequest.Reason.MISSED_CHANGES);
    }
}
