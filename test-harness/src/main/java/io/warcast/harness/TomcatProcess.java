package io.warcast.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Tomcat started from its distribution in a JVM of its own, the way {@code catalina.sh run} does it, and
 * stopped by a signal so that Tomcat runs its own orderly shutdown. It is a {@link ChildProcess}: a Tomcat never
 * outlives the test or demo that started it. The one way tests and the demo start a Tomcat.
 */
public final class TomcatProcess implements AutoCloseable {

    private final ChildProcess process;

    private TomcatProcess(ChildProcess process) {
        this.process = process;
    }

    /** Starts Tomcat and returns once its manager answers, or fails with the end of its console output. */
    public static TomcatProcess start(CatalinaBase base, Duration timeout, List<String> extraJvmArguments) {
        ManagerClient manager = new ManagerClient(base);
        if (manager.isUp()) {
            throw new IllegalStateException("The manager of " + base.base() + " answers at " + base.uri()
                    + " before its Tomcat started: an earlier Tomcat on this base still runs");
        }
        Path home = base.home();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(JdkOpens.LIST);
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
        ChildProcess process =
                ChildProcess.start("Tomcat in " + base.base(), command, base.base(), base.consoleLog(), "");
        process.awaitReady("its manager answers", manager::isUp, timeout);
        return new TomcatProcess(process);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops Tomcat the way an operator's SIGTERM does and waits for it; kills it if it takes too long. */
    public void stop(Duration timeout) {
        process.stop(timeout);
    }

    /** Kills Tomcat the way {@code kill -9} does: no shutdown of any kind runs. Waits until the process is gone. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    /** The last lines Tomcat printed, for failure messages. */
    public String consoleTail() {
        return process.logTail();
    }
}
