package io.warcast.broadcast.amqp;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the link's threads: daemon threads named {@code warcast-amqp-<role>-N} whose context class loader is the
 * provider's, so that no web application's class loader is held by a thread of the server.
 */
final class ServerThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger number = new AtomicInteger();
    private final ClassLoader providerLoader = ServerThreads.class.getClassLoader();

    /** @param role what the threads do, such as {@code io} or {@code consumer} */
    ServerThreads(String role) {
        this.prefix = "warcast-amqp-" + role + "-";
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(null, task, prefix + number.incrementAndGet(), 0, false);
        thread.setDaemon(true);
        thread.setContextClassLoader(providerLoader);
        return thread;
    }
}
