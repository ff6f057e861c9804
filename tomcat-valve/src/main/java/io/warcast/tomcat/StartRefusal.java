package io.warcast.tomcat;

import java.util.function.IntConsumer;
import org.apache.catalina.Server;

/**
 * What follows when Warcast refuses Tomcat's start, once Warcast has logged why in one line.
 *
 * <p>A Tomcat that its own {@code Catalina} runs ({@code catalina.sh run} or {@code start}, {@code startup.sh},
 * {@code daemon.sh}, the Windows service) ends its process here with status {@value #EXIT_STATUS}, so that systemd's
 * {@code Restart=on-failure} and deploy scripts see the failure. Tomcat would not (Tomcat 10.1 and 11,
 * {@code startup/Catalina.java} and {@code startup/Bootstrap.java}): {@code Catalina.start()} logs a failed Server
 * start with its stack trace and returns, and {@code Bootstrap.main} then returns too, so the JVM exits with 0. A
 * failed Server init is logged with its stack trace by {@code Catalina.load()}, and {@code Catalina.start()} then
 * starts the server anyway and stops it at once ({@code LifecycleBase.start()} first stops a FAILED component, which
 * ends {@code StandardServer.await()}): 0 again. Only with
 * {@code -Dorg.apache.catalina.startup.EXIT_ON_INIT_FAILURE=true} does {@code Bootstrap.main} exit with 1, after a
 * stack trace. Ending the process here needs no setting and adds nothing to Warcast's line.
 *
 * <p>An embedded Tomcat (no {@code Catalina}) is part of someone else's program: it gets the exception instead, and
 * its caller decides.
 */
final class StartRefusal {

    /** The status {@code Bootstrap.main} exits with when Tomcat cannot start. */
    static final int EXIT_STATUS = 1;

    private final IntConsumer processExit;

    /** @param processExit ends the process with the given status; {@link Runtime#exit} outside tests */
    StartRefusal(IntConsumer processExit) {
        this.processExit = processExit;
    }

    static StartRefusal endingTheProcess() {
        return new StartRefusal(status -> Runtime.getRuntime().exit(status));
    }

    /**
     * Ends the process of a Tomcat that Catalina runs; otherwise returns the failure, for the caller to throw.
     *
     * @param failure why the start is refused; already logged
     */
    RuntimeException refuse(Server server, RuntimeException failure) {
        if (server.getCatalina() != null) {
            processExit.accept(EXIT_STATUS);
        }
        return failure;
    }
}
