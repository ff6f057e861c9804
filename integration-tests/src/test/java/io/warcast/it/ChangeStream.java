package io.warcast.it;

import io.warcast.harness.SampleClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

/**
 * A steady stream of item changes from one participant, like real traffic, at most {@value #PER_SECOND} a second,
 * until the test stops it: the faults a test makes fall in the middle of it however long they take. Item ids are
 * consecutive from the stream's first id. Bounded all the same: after {@code limit} changes it stops by itself, and
 * the test fails.
 */
final class ChangeStream implements AutoCloseable {

    // A stream's limit must fit the sample's log of heard changes twice over (a participant hears two streams), so a
    // slower stream is what leaves room for slow broker restarts on a loaded machine (each restart there took 25 to
    // 30 s, and reconnecting up to the 30 s back-off after it): 40,000 changes last 266 s.
    private static final int PER_SECOND = 150;

    private static final long NANOS_BETWEEN_CHANGES = 1_000_000_000L / PER_SECOND;
    /** Longer than the HTTP time-out of the PUT in flight when a stop is asked for. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    private final String sender;
    private final SampleClient client;
    private final long firstId;
    private final int limit;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong slowestPutNanos = new AtomicLong();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile boolean stopAsked;

    private ChangeStream(String sender, SampleClient client, long firstId, int limit) {
        this.sender = sender;
        this.client = client;
        this.firstId = firstId;
        this.limit = limit;
    }

    /**
     * Starts putting items {@code firstId}, {@code firstId + 1}, ... through {@code client}.
     *
     * @param sender names the participant in messages, e.g. {@code node-a##002}
     */
    static ChangeStream start(String sender, SampleClient client, long firstId, int limit) {
        ChangeStream stream = new ChangeStream(sender, client, firstId, limit);
        Thread thread = new Thread(stream::run, "stream-from-" + sender);
        thread.setDaemon(true);
        thread.start();
        return stream;
    }

    /** How many changes the sender has accepted so far; fails when the stream ended before the test stopped it. */
    int sentSoFar() {
        expectRunning();
        return sent.get();
    }

    /** Fails when the stream ended before the test stopped it: it failed or reached its limit. */
    void expectRunning() {
        if (ended.isDone()) {
            throw endedBeforeStop();
        }
    }

    /** Whether {@code itemId} is one of the ids this stream may send. */
    boolean owns(long itemId) {
        return itemId >= firstId && itemId < firstId + limit;
    }

    /** The slowest PUT so far: how long a request of the sender's users waited. */
    Duration slowestPut() {
        return Duration.ofNanos(slowestPutNanos.get());
    }

    /**
     * Stops the stream after the change in flight and returns the ids of every change the sender accepted, in the
     * order sent.
     *
     * @throws AssertionError when the stream failed or reached its limit before the stop
     */
    List<Long> stop() throws InterruptedException {
        stopAsked = true;
        try {
            ended.get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(this + " did not end cleanly within " + STOP_LIMIT + " of the stop", e);
        }
        if (sent.get() >= limit) {
            throw limitReached();
        }
        return LongStream.range(firstId, firstId + sent.get()).boxed().toList();
    }

    /** Asks the stream to stop without waiting for it, when a test ends early. */
    @Override
    public void close() {
        stopAsked = true;
    }

    @Override
    public String toString() {
        return "the stream from " + sender;
    }

    private void run() {
        long begin = System.nanoTime();
        try {
            for (int i = 0; i < limit && !stopAsked; i++) {
                LockSupport.parkNanos(begin + i * NANOS_BETWEEN_CHANGES - System.nanoTime());
                long started = System.nanoTime();
                client.putItem(firstId + i, "stream " + i, i);
                slowestPutNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
                sent.incrementAndGet();
            }
            ended.complete(null);
        } catch (RuntimeException | Error failure) {
            ended.completeExceptionally(failure);
        }
    }

    private AssertionError endedBeforeStop() {
        try {
            ended.join();
        } catch (CompletionException failed) {
            return new AssertionError(this + " failed after " + sent.get() + " changes", failed.getCause());
        }
        return limitReached();
    }

    private AssertionError limitReached() {
        return new AssertionError(this + " reached its limit of " + limit
                + " changes before the test stopped it: what it was to span took too long");
    }
}
