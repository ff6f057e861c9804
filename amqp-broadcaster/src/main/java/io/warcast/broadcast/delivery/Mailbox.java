package io.warcast.broadcast.delivery;

import io.warcast.api.BroadcasterCounter;
import io.warcast.broadcast.BroadcasterMetrics;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's queue: delivers to the listener one event at a time, in the order offered, on the delivery pool.
 *
 * <p>The mailbox is on the pool at most once, and gives its thread back after {@link #BATCH} events, so a busy or
 * slow listener holds up only itself. When the backlog is full, further events are dropped and counted; once the
 * backlog drains, the listener is asked to flush the data sources it missed.
 *
 * @param <L> the kind of listener
 */
public final class Mailbox<L> implements Runnable {

    static final int BATCH = 64;

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

    private final L listener;
    private final ParticipantContext context;
    private final int capacity;
    private final Executor executor;
    private final ListenerInvoker invoker;
    private final BroadcasterMetrics metrics;
    private final Function<Optional<String>, Delivery<L>> resync;

    private final Object lock = new Object();
    private final ArrayDeque<Delivery<L>> backlog = new ArrayDeque<>();
    private final MissedDataSources missed = new MissedDataSources();
    private boolean scheduled;
    private boolean closed;
    private long droppedThisEpisode;

    /**
     * @param resync the delivery that asks the listener to flush a data source (empty: all) after it missed changes
     */
    Mailbox(
            L listener,
            ParticipantContext context,
            int capacity,
            Executor executor,
            BroadcasterMetrics metrics,
            Function<Optional<String>, Delivery<L>> resync) {
        this.listener = listener;
        this.context = context;
        this.capacity = capacity;
        this.executor = executor;
        this.invoker = new ListenerInvoker(metrics);
        this.metrics = metrics;
        this.resync = resync;
    }

    public L listener() {
        return listener;
    }

    /** Names the listener and its application, for log lines. */
    @Override
    public String toString() {
        return "listener [" + listener.getClass().getName() + "] of application [" + context.application() + "]";
    }

    /** Queues a delivery, or drops it when the backlog is full. Never blocks on the listener. */
    public void offer(Delivery<L> delivery) {
        boolean overflowStarts = false;
        boolean schedule = false;
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (backlog.size() >= capacity) {
                metrics.count(BroadcasterCounter.DROPPED_OVERFLOW);
                delivery.recordMissed(missed);
                overflowStarts = droppedThisEpisode++ == 0;
            } else {
                backlog.add(delivery);
                schedule = !scheduled;
                scheduled = true;
            }
        }
        if (overflowStarts) {
            log.warn(
                    "Warcast listener [{}] of application [{}] has {} events waiting (amqpbroadcast.listenerqueue):"
                            + " dropping further events until it catches up, then asking it to flush what it missed",
                    listener.getClass().getName(),
                    context.application(),
                    capacity);
        }
        if (schedule) {
            schedule();
        }
    }

    /** Drops what is waiting and delivers nothing more. */
    public void close() {
        synchronized (lock) {
            closed = true;
            backlog.clear();
            missed.drain();
        }
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < BATCH; i++) {
                Delivery<L> next = next();
                if (next == null) {
                    return;
                }
                invoker.invoke(listener, context, next);
            }
        } finally {
            finishTurn();
        }
    }

    private Delivery<L> next() {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            if (backlog.isEmpty() && droppedThisEpisode > 0) {
                endOverflowEpisode();
            }
            return backlog.poll();
        }
    }

    private void endOverflowEpisode() {
        List<Optional<String>> flushes = missed.drain();
        flushes.forEach(dataSource -> {
            backlog.add(resync.apply(dataSource));
            metrics.count(BroadcasterCounter.RESYNCS);
        });
        log.info(
                "Warcast listener [{}] of application [{}] caught up after {} events were dropped; asked it to flush {}",
                listener.getClass().getName(),
                context.application(),
                droppedThisEpisode,
                flushes.stream()
                        .map(dataSource -> dataSource.orElse("all data sources"))
                        .toList());
        droppedThisEpisode = 0;
    }

    private void finishTurn() {
        synchronized (lock) {
            if (closed || (backlog.isEmpty() && droppedThisEpisode == 0)) {
                scheduled = false;
                return;
            }
        }
        schedule();
    }

    private void schedule() {
        try {
            executor.execute(this);
        } catch (RejectedExecutionException e) {
            // Only when the pool is shut down, and then the provider is stopping: nothing more to deliver.
            close();
        }
    }
}
