package io.warcast.broadcast.amqp;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.FlushRequest;
import io.warcast.api.Origin;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.delivery.MissedDataSources;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.Payload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Envelopes waiting for the broker, at most {@code capacity}. Request threads only {@link #offer}: never blocked,
 * never failed. When it is full, further envelopes are dropped and counted, one warning per episode, and the data
 * sources they concerned remembered; once there is room again, a {@link Payload.Flush} with
 * {@link FlushRequest.Reason#MISSED_CHANGES} per data source (or one for all) goes out so other servers resync.
 *
 * <p>Those resync flushes are never dropped: they wait beside the bounded queue, not in it, and {@link #poll} and
 * {@link #drainTo} hand them out before anything else. So they need no room that request threads could take first,
 * and they leave in the order of their sequence numbers, without a gap. Holding them outside the bound is safe: an
 * episode yields at most one per data source and exchange (one per exchange past {@link MissedDataSources}' limit),
 * and the link takes them first. Overtaking envelopes queued before them does no harm either: a flush
 * only makes the other servers reload what they cached, and what it overtakes still arrives after it.
 */
final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final BlockingQueue<Outgoing> queue;
    private final Queue<Outgoing> resyncFlushes = new ConcurrentLinkedQueue<>();
    private final int capacity;
    private final BroadcasterMetrics metrics;
    // The sender of the resync flushes: this server's outbox, a participant of its own with its own sequence.
    private final Origin flushOrigin;

    private final Object overflowLock = new Object();
    private final Map<String, MissedDataSources> missedByExchange = new LinkedHashMap<>();
    private long droppedThisEpisode;
    private long flushSequence;

    Outbox(int capacity, String serverId, BroadcasterMetrics metrics) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.metrics = metrics;
        this.flushOrigin = new Origin(serverId, "", "", "warcast-outbox-" + UUID.randomUUID());
    }

    /** Queues an envelope, or drops and remembers it when full. */
    void offer(String exchange, Envelope envelope) {
        if (queue.offer(new Outgoing(exchange, envelope))) {
            return;
        }
        metrics.count(BroadcasterCounter.DROPPED_OUTBOX);
        boolean episodeStarts;
        synchronized (overflowLock) {
            MissedDataSources missed = missedByExchange.computeIfAbsent(exchange, unused -> new MissedDataSources());
            Payload payload = envelope.payload();
            if (payload instanceof Payload.Change change) {
                missed.add(change.change().dataSource());
            } else if (payload instanceof Payload.Flush flush) {
                flush.dataSource().ifPresentOrElse(missed::add, missed::addAll);
            }
            episodeStarts = droppedThisEpisode++ == 0;
        }
        if (episodeStarts) {
            log.warn(
                    "Warcast cannot reach the AMQP broker fast enough: {} messages wait (amqpbroadcast.outboxsize);"
                            + " dropping further ones until there is room, then asking the other servers to flush"
                            + " what they missed",
                    capacity);
        }
    }

    /** Takes the next envelope, waiting up to {@code timeoutMs}; null when none came. */
    Outgoing poll(long timeoutMs) throws InterruptedException {
        Outgoing flush = resyncFlushes.poll();
        return flush != null ? flush : queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Takes what else is waiting, up to {@code max}, without waiting. */
    void drainTo(List<Outgoing> batch, int max) {
        int taken = 0;
        for (Outgoing flush; taken < max && (flush = resyncFlushes.poll()) != null; taken++) {
            batch.add(flush);
        }
        queue.drainTo(batch, max - taken);
    }

    int size() {
        return queue.size() + resyncFlushes.size();
    }

    boolean isEmpty() {
        return queue.isEmpty() && resyncFlushes.isEmpty();
    }

    /**
     * After an overflow, once the queue has room again: ends the episode and queues, ahead of the rest, the flushes
     * that tell other servers what was dropped.
     *
     * @return true when an overflow episode ended
     */
    boolean queueResyncFlushes() {
        List<Outgoing> flushes = new ArrayList<>();
        long dropped;
        synchronized (overflowLock) {
            if (droppedThisEpisode == 0) {
                return false;
            }
            if (capacity - queue.size() < 1 + capacity / 10) {
                return false; // a tenth free, not to start another episode at once: try after the next batch
            }
            missedByExchange.forEach((exchange, missed) ->
                    missed.drain().forEach(dataSource -> flushes.add(new Outgoing(exchange, flush(dataSource)))));
            missedByExchange.clear();
            dropped = droppedThisEpisode;
            droppedThisEpisode = 0;
            // Still under the lock: they leave in the order of their sequence numbers.
            resyncFlushes.addAll(flushes);
        }
        log.info(
                "Warcast has room again after dropping {} messages for the AMQP broker; asked the other servers to"
                        + " flush {}",
                dropped,
                flushes.stream()
                        .map(outgoing -> "[" + outgoing.exchange() + "] "
                                + ((Payload.Flush) outgoing.envelope().payload())
                                        .dataSource()
                                        .orElse("all data sources"))
                        .toList());
        return true;
    }

    private Envelope flush(Optional<String> dataSource) {
        return new Envelope(
                UUID.randomUUID().toString(),
                flushOrigin,
                ++flushSequence,
                Instant.now(),
                new Payload.Flush(dataSource, FlushRequest.Reason.MISSED_CHANGES));
    }
}
