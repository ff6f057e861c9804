package io.warcast.broadcast;

import java.util.concurrent.atomic.LongAdder;

/** What the broadcaster counts while it runs; read by the admin page and, later, JMX. */
public final class BroadcasterMetrics {

    private final LongAdder published = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder listenerFailures = new LongAdder();
    private final LongAdder droppedOverflow = new LongAdder();
    private final LongAdder resyncsRequested = new LongAdder();

    /** Changes, flush requests and messages the participants of this server published. */
    public long published() {
        return published.sum();
    }

    /** Listener calls that returned normally. */
    public long delivered() {
        return delivered.sum();
    }

    /** Listener calls that threw. */
    public long listenerFailures() {
        return listenerFailures.sum();
    }

    /** Events dropped because a listener's backlog was full. */
    public long droppedOverflow() {
        return droppedOverflow.sum();
    }

    /** Flushes Warcast asked of listeners because they missed changes. */
    public long resyncsRequested() {
        return resyncsRequested.sum();
    }

    public void countPublished() {
        published.increment();
    }

    public void countDelivered() {
        delivered.increment();
    }

    public void countListenerFailure() {
        listenerFailures.increment();
    }

    public void countDroppedOverflow() {
        droppedOverflow.increment();
    }

    public void countResyncRequested() {
        resyncsRequested.increment();
    }

    @Override
    public String toString() {
        return "published=" + published() + ", delivered=" + delivered() + ", listenerFailures=" + listenerFailures()
                + ", droppedOverflow=" + droppedOverflow() + ", resyncsRequested=" + resyncsRequested();
    }
}
