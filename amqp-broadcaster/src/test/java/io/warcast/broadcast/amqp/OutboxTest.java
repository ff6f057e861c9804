package io.warcast.broadcast.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.ChangeAction;
import io.warcast.api.DataChange;
import io.warcast.api.FlushRequest;
import io.warcast.api.Origin;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.Payload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A full outbox drops, counts and remembers; once there is room the other servers are told to flush. */
class OutboxTest {

    private final BroadcasterMetrics metrics = new BroadcasterMetrics();
    private final Outbox outbox = new Outbox(10, "node-a", metrics);
    private final Origin shop = new Origin("node-a", "/shop", "", "i1");
    private long sequence;

    private Envelope change(String dataSource) {
        DataChange change = DataChange.builder(dataSource, "orders", ChangeAction.UPDATE)
                .key("id", 1)
                .build();
        return new Envelope("m" + (++sequence), shop, sequence, Instant.now(), new Payload.Change(change));
    }

    private List<Outgoing> drainAll() {
        List<Outgoing> all = new ArrayList<>();
        outbox.drainTo(all, Integer.MAX_VALUE);
        return all;
    }

    @Test
    void anOverflowIsCountedAndEndsWithOneFlushPerDataSourceAndExchange() {
        for (int i = 0; i < 10; i++) {
            outbox.offer("warcast", change("shop"));
        }
        outbox.offer("warcast", change("shop"));
        outbox.offer("warcast", change("stock"));
        outbox.offer("other", change("shop"));

        assertThat(metrics.get(BroadcasterCounter.DROPPED_OUTBOX)).isEqualTo(3);
        assertThat(outbox.size()).isEqualTo(10);
        assertThat(outbox.queueResyncFlushes()).as("no room yet").isFalse();

        assertThat(drainAll()).hasSize(10);
        assertThat(outbox.queueResyncFlushes()).isTrue();
        List<Outgoing> flushes = drainAll();
        assertThat(flushes)
                .extracting(Outgoing::exchange, outgoing -> outgoing.envelope().payload())
                .containsExactly(
                        tuple("warcast", new Payload.Flush(Optional.of("shop"), FlushRequest.Reason.MISSED_CHANGES)),
                        tuple("warcast", new Payload.Flush(Optional.of("stock"), FlushRequest.Reason.MISSED_CHANGES)),
                        tuple("other", new Payload.Flush(Optional.of("shop"), FlushRequest.Reason.MISSED_CHANGES)));
        assertThat(flushes)
                .extracting(outgoing -> outgoing.envelope().sequence())
                .as("the outbox's own sequence")
                .containsExactly(1L, 2L, 3L);
        assertThat(flushes)
                .extracting(outgoing -> outgoing.envelope().origin().serverId())
                .containsOnly("node-a");
        assertThat(outbox.queueResyncFlushes()).as("the episode is over").isFalse();
    }

    @Test
    void noResyncFlushIsLostWhenTheQueueHasRoomForFewerThanThereAre() {
        for (int i = 0; i < 10; i++) {
            outbox.offer("warcast", change("shop"));
        }
        List<String> dataSources = List.of("a", "b", "c", "d", "e");
        dataSources.forEach(dataSource -> outbox.offer("warcast", change(dataSource)));
        outbox.drainTo(new ArrayList<>(), 2);

        assertThat(outbox.queueResyncFlushes())
                .as("room for a tenth of the outbox")
                .isTrue();
        // Request threads take the room there is before the link takes anything.
        outbox.offer("warcast", change("shop"));
        outbox.offer("warcast", change("shop"));

        List<Outgoing> all = drainAll();
        assertThat(all).as("5 flushes, 8 changes left and 2 new ones").hasSize(15);
        assertThat(metrics.get(BroadcasterCounter.DROPPED_OUTBOX))
                .as("the new ones found room")
                .isEqualTo(5);
        List<Outgoing> flushes = all.subList(0, 5);
        assertThat(flushes)
                .extracting(outgoing -> outgoing.envelope().payload())
                .containsExactlyElementsOf(dataSources.stream()
                        .map(dataSource ->
                                new Payload.Flush(Optional.of(dataSource), FlushRequest.Reason.MISSED_CHANGES))
                        .toList());
        assertThat(flushes)
                .extracting(outgoing -> outgoing.envelope().sequence())
                .as("the outbox's own sequence, without a gap")
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void nothingDroppedNothingToFlush() {
        outbox.offer("warcast", change("shop"));
        assertThat(outbox.queueResyncFlushes()).isFalse();
        assertThat(drainAll()).hasSize(1);
        assertThat(metrics.get(BroadcasterCounter.DROPPED_OUTBOX)).isZero();
    }
}
