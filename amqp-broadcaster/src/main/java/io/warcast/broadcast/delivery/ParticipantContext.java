package io.warcast.broadcast.delivery;

import java.util.Objects;

/**
 * The participant a mailbox delivers to, as its listeners need it.
 *
 * @param application the application, as Tomcat's manager names it, for the log
 * @param classLoader the application's class loader, the context class loader while its listeners run
 */
public record ParticipantContext(String application, ClassLoader classLoader) {

    public ParticipantContext {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(classLoader, "classLoader");
    }
}
