package io.warcast.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A program this JVM started for a test or the demo (Tomcat, the embedded broker, HAProxy, nginx), its standard
 * output and error in a log file. It is awaited until a condition holds, and stopped by its PID, politely first; a
 * JVM shutdown hook kills it, so it never outlives this JVM.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread killer;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.killer = new Thread(() -> killTree(process.toHandle()), "kill-" + name + "-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts {@code command} in {@code directory} (null: this JVM's), with its output going to {@code log}. Its
     * standard input stays open while this JVM lives, for programs that end when it closes.
     *
     * @param name what it is, for thread names and error messages
     * @param hint what to say when the command cannot start at all (e.g. how to install it), or empty
     */
    public static ChildProcess start(String name, List<String> command, Path directory, Path log, String hint) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .directory(directory == null ? null : directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command) + hint, e);
        }
    }

    /**
     * Waits until {@code ready} holds. When the process ends first, or {@code timeout} passes, stops it and fails
     * with the end of its log.
     *
     * @param what the condition in words, for the error message ("its manager answers")
     */
    public void awaitReady(String what, BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + " before " + what
                        + "; the end of its log " + log + ":\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException(name + " was stopped: " + what + " did not happen within " + timeout
                        + "; the end of its log " + log + ":\n" + logTail());
            }
            pause();
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the program printed so far. */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The last lines the program printed, for failure messages. */
    public String logTail() {
        return tail(logText());
    }

    /** The last lines of a program's output. */
    static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    /**
     * Sends the process a termination signal (what an operator's {@code kill} or systemd sends), waits up to
     * {@code grace} for it to end, then kills it and whatever it started.
     */
    public void stop(Duration grace) {
        ProcessHandle handle = process.toHandle();
        handle.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(handle);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            killTree(handle);
            Thread.currentThread().interrupt();
        }
        forgetShutdownHook();
    }

    /** Kills the process the way {@code kill -9} does, so that no shutdown of any kind runs; waits until it is gone. */
    public void kill() {
        killTree(process.toHandle());
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the killed " + name + " to end", e);
        }
        forgetShutdownHook();
    }

    /** Stops it, with 30 seconds' grace. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    private void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or will run; it finds the process gone
        }
    }

    /** Kills a process and whatever it started, as {@code kill -9} does. */
    static void killTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }
}
