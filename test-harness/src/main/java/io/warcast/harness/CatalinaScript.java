package io.warcast.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tomcat's own {@code bin/catalina.sh} run for a {@link CatalinaBase}, as an operator or systemd runs it.
 *
 * <p>The script gets a stand-in for the JVM as {@code JRE_HOME}: a shell script that runs this machine's
 * {@code java} and writes down the Tomcat JVM's exit status. {@code catalina.sh start} leaves that JVM in the
 * background, where only its parent learns how it ended (in production systemd, which reaps it); the stand-in is that
 * parent here. Closing stops a Tomcat JVM that still runs.
 */
public final class CatalinaScript implements AutoCloseable {

    /**
     * How one run of the script ended.
     *
     * @param exitStatus the script's own exit status
     * @param output what it printed, standard output and error together
     */
    public record Ended(int exitStatus, String output) {}

    private final CatalinaBase base;
    private final Path standInJre;
    private final Path jvmExitStatus;
    private final Path pidFile;
    private final Path scriptOutput;

    public CatalinaScript(CatalinaBase base) {
        this.base = base;
        this.standInJre = base.base().resolve("test-jre");
        this.jvmExitStatus = base.base().resolve("logs/tomcat-jvm.exit-status");
        this.pidFile = base.base().resolve("logs/tomcat.pid");
        this.scriptOutput = base.base().resolve("logs/catalina-sh.out");
        writeStandInJava();
    }

    /**
     * Runs {@code bin/catalina.sh <command>} and waits until the script ends.
     *
     * @throws IllegalStateException when it does not end within {@code limit}; the Tomcat it started is stopped
     */
    public Ended run(String command, Duration limit) {
        ProcessBuilder builder = new ProcessBuilder(
                        base.home().resolve("bin/catalina.sh").toString(), command)
                .directory(base.base().toFile())
                .redirectErrorStream(true)
                .redirectOutput(scriptOutput.toFile());
        Map<String, String> environment = builder.environment();
        List.of("JAVA_OPTS", "CATALINA_OPTS", "CATALINA_TMPDIR", "CATALINA_OUT", "_RUNJAVA")
                .forEach(environment::remove);
        environment.put("CATALINA_HOME", base.home().toString());
        environment.put("CATALINA_BASE", base.base().toString());
        environment.put("JRE_HOME", standInJre.toString());
        environment.put("CATALINA_PID", pidFile.toString());
        environment.put("CATALINA_OPTS", "-Xmx256m");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                ChildProcess.killTree(process.toHandle());
                throw new IllegalStateException("bin/catalina.sh " + command + " did not end within " + limit + ":\n"
                        + ChildProcess.tail(Files2.read(scriptOutput)));
            }
            return new Ended(process.exitValue(), Files2.read(scriptOutput));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + base.home().resolve("bin/catalina.sh"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while bin/catalina.sh " + command + " ran", e);
        }
    }

    /** The exit status of the Tomcat JVM the script started; empty while it runs, or when none was started. */
    public Optional<Integer> tomcatJvmExitStatus() {
        if (!Files.exists(jvmExitStatus)) {
            return Optional.empty();
        }
        return Optional.of(Integer.valueOf(Files2.read(jvmExitStatus).strip()));
    }

    /** {@code logs/catalina.out}, where {@code catalina.sh start} sends the Tomcat JVM's output. */
    public Path catalinaOut() {
        return base.base().resolve("logs/catalina.out");
    }

    /** Stops the Tomcat JVM that {@code catalina.sh start} left running, if it still runs. */
    @Override
    public void close() {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files2.read(pidFile).strip();
        if (!pid.isEmpty()) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(ChildProcess::killTree);
        }
    }

    private void writeStandInJava() {
        Path java = standInJre.resolve("bin/java");
        Path realJava = Path.of(System.getProperty("java.home"), "bin", "java");
        Files2.write(java, """
                #!/bin/sh
                # The Tomcat JVM, run by catalina.sh through JRE_HOME; writes down how it ended.
                "%s" "$@"
                status=$?
                echo "$status" > "%s.part" && mv "%s.part" "%s"
                exit "$status"
                """.formatted(realJava, jvmExitStatus, jvmExitStatus, jvmExitStatus));
        try {
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + java + " executable", e);
        }
    }
}
