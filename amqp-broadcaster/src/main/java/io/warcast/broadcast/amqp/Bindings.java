package io.warcast.broadcast.amqp;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;

/**
 * The exchanges this server must hear, and which of them its queue is bound to on the current connection. Joining
 * applications add exchanges on their own threads and may wait, for a bounded time, until the link's thread has
 * bound theirs: only then does a change published to it reach this server.
 */
final class Bindings {

    /** How a wait for a binding ended. */
    enum Wait {
        BOUND,
        /** The link has no session: the exchange is bound when it has, before it reports itself connected. */
        NOT_CONNECTED,
        TIMED_OUT
    }

    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final Set<String> bound = new ConcurrentSkipListSet<>();
    private final Object changed = new Object();
    private volatile boolean sessionUp;

    void want(String exchange) {
        wanted.add(exchange);
    }

    /** The exchanges wanted but not bound on this connection yet. */
    List<String> unbound() {
        return wanted.stream().filter(exchange -> !bound.contains(exchange)).toList();
    }

    boolean isBound(String exchange) {
        return bound.contains(exchange);
    }

    /** The exchanges bound now, sorted. */
    List<String> bound() {
        return List.copyOf(bound);
    }

    void markBound(String exchange) {
        bound.add(exchange);
        signal();
    }

    /**
     * A session begins: from now on a join waits for its binding. Called before the link binds what is wanted, so
     * that an exchange wanted meanwhile is either bound in that pass or waited for.
     */
    void sessionStarted() {
        sessionUp = true;
        signal();
    }

    /** The connection is gone, and with it what this server knows to be bound. */
    void sessionEnded() {
        sessionUp = false;
        bound.clear();
        signal();
    }

    Wait awaitBound(String exchange, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (changed) {
            while (!bound.contains(exchange)) {
                if (!sessionUp) {
                    return Wait.NOT_CONNECTED;
                }
                long leftNanos = deadline - System.nanoTime();
                if (leftNanos <= 0) {
                    return Wait.TIMED_OUT;
                }
                TimeUnit.NANOSECONDS.timedWait(changed, leftNanos);
            }
            return Wait.BOUND;
        }
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }
}
