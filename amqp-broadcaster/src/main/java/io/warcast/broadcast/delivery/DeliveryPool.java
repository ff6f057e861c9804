package io.warcast.broadcast.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that call every listener of this server: a fixed number of daemon threads named
 * {@code warcast-delivery-N}, all started at once by the constructor.
 *
 * <p>They are started here, on the thread that starts the provider, so that none is ever created by a request
 * thread and inherits its state, and their context class loader is the provider's own, so that no web application's
 * class loader is held by a thread that outlives it.
 */
public final class DeliveryPool implements Executor {

    private final ThreadPoolExecutor executor;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Map<Thread, Runnable> running = new ConcurrentHashMap<>();

    public DeliveryPool(int size) {
        AtomicInteger number = new AtomicInteger();
        ClassLoader providerLoader = DeliveryPool.class.getClassLoader();
        executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(null, task, "warcast-delivery-" + number.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            thread.setContextClassLoader(providerLoader);
            threads.add(thread);
            return thread;
        });
        executor.allowCoreThreadTimeOut(false);
        executor.prestartAllCoreThreads();
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(() -> {
            Thread thread = Thread.currentThread();
            running.put(thread, task);
            try {
                task.run();
            } finally {
                running.remove(thread);
            }
        });
    }

    /**
     * Lets running deliveries finish, then ends every thread.
     *
     * @return what was still running at the time limit, by its {@code toString()} (a {@link Mailbox} names its
     *     listener and application), each interrupted; empty when every thread ended in time
     */
    public List<String> shutdown(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        executor.shutdown();
        if (!executor.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
            List<String> busy =
                    running.values().stream().map(String::valueOf).sorted().toList();
            executor.shutdownNow();
            return busy.isEmpty() ? List.of("a delivery that was ending") : busy;
        }
        for (Thread thread : threads) {
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            thread.join(Math.max(remainingMs, 1));
        }
        return List.of();
    }

    /** Ends every thread without waiting: interrupts running deliveries, drops queued ones. */
    public void shutdownNow() {
        executor.shutdownNow();
    }
}
