package io.warcast.harness;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping a child process the polite way first. */
final class Processes {

    private Processes() {}

    /** Sends the process a termination signal, waits up to {@code grace}, then kills it. */
    static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
