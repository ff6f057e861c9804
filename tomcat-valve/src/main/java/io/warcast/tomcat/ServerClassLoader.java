package io.warcast.tomcat;

import java.util.function.Supplier;

/**
 * Runs provider calls with Warcast's own class loader (the common loader in Tomcat) as the thread context class
 * loader, so that any thread or connection the provider creates belongs to the server, never to a web application
 * whose class loader happens to be the context class loader at that moment.
 */
final class ServerClassLoader {

    private ServerClassLoader() {}

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    static <T> T call(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ServerClassLoader.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
