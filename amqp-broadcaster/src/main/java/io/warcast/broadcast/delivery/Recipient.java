package io.warcast.broadcast.delivery;

import java.util.Objects;

/**
 * The web application a mailbox delivers to.
 *
 * @param application the application, as Tomcat's manager names it, for the log
 * @param classLoader the application's class loader, the context class loader while its listeners run
 */
public record Recipient(String application, ClassLoader classLoader) {

    public Recipient {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(classLoader, "classLoader");
    }
}
