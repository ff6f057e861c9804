package io.warcast.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Tomcat started from its distribution in a JVM of its own, the way {@code catalina.sh run} does it, and
 * stopped by a signal so that Tomcat runs its own orderly shutdown. A JVM shutdown hook stops it too, so a Tomcat
 * never outlives the test or demo that started it.
 */
public final class TomcatProcess implements AutoCloseable {

    /** What catalina.sh adds on Java 9+, so Tomcat's leak prevention and detection can do their work. */
    public static final List<String> JDK_OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED");

    private final CatalinaBase base;
    private final Process process;
    private final Thread shutdownHook;

    private TomcatProcess(CatalinaBase base, Process process) {
        this.base = base;
        this.process = process;
        this.shutdownHook = new Thread(process::destroyForcibly, "tomcat-killer-" + base.jvmRoute());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts Tomcat and returns once its manager answers, or fails with the end of its console output. */
    public static TomcatProcess start(CatalinaBase base, Duration timeout, List<String> extraJvmArguments) {
        Path home = base.home();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(JDK_OPENS);
        command.add("-Djava.util.logging.config.file=" + base.base().resolve("conf/logging.properties"));
        command.add("-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager");
        command.add("-Dcatalina.home=" + home);
        command.add("-Dcatalina.base=" + base.base());
        command.add("-Djava.io.tmpdir=" + base.base().resolve("temp"));
        command.addAll(extraJvmArguments);
        command.add("-classpath");
        command.add(
                home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator + home.resolve("bin/tomcat-juli.jar"));
        command.add("org.apache.catalina.startup.Bootstrap");
        command.add("start");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(base.base().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(base.consoleLog().toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Tomcat: " + command, e);
        }
        TomcatProcess tomcat = new TomcatProcess(base, process);
        tomcat.awaitManager(timeout);
        return tomcat;
    }

    private void awaitManager(Duration timeout) {
        ManagerClient manager = new ManagerClient(base);
        Instant deadline = Instant.now().plus(timeout);
        while (!manager.isUp()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tomcat in " + base.base() + " exited with " + process.exitValue()
                        + " while starting:\n" + consoleTail());
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException(
                        "Tomcat in " + base.base() + " did not start within " + timeout + ":\n" + consoleTail());
            }
            pause();
        }
    }

    public CatalinaBase base() {
        return base;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops Tomcat the way an operator's SIGTERM does and waits for it; kills it if it takes too long. */
    public void stop(Duration timeout) {
        if (!process.isAlive()) {
            return;
        }
        Processes.stop(process, timeout);
    }

    /** Kills Tomcat the way {@code kill -9} does: no shutdown of any kind runs. Waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the killed Tomcat to end", e);
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or will run; nothing to undo
        }
    }

    /** The last lines Tomcat printed, for failure messages. */
    public String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(base.consoleLog());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Tomcat", e);
        }
    }
}
