package io.warcast.tomcat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The maintenance flag file, looked at from {@code backgroundProcess()}. It acts on changes: the file appearing
 * switches maintenance on, the file disappearing switches it off, and in between JMX or the Java API may switch
 * freely (the last change wins). A file that is already there at the first look switches maintenance on.
 */
final class FlagFile {

    private final Path path;
    private Boolean present;

    FlagFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** What the file asks for since the last look: on, off, or nothing new. */
    synchronized Optional<Boolean> look() {
        boolean now = Files.exists(path);
        Boolean before = present;
        present = now;
        if (before == null) {
            return now ? Optional.of(true) : Optional.empty();
        }
        return before == now ? Optional.empty() : Optional.of(now);
    }
}
