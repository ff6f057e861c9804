package io.warcast.broadcast.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.spi.ServerEnvironment;
import io.warcast.broadcast.AmqpBroadcasterProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Warcast's lines as Tomcat's log shows them: through slf4j-jdk14 into java.util.logging, which names the caller of
 * the logger as each line's source. A logger reached through a method reference, {@code ifPresent(log::warn)}, shows
 * {@code java.util.Optional ifPresent} there instead of the Warcast class. Runs in a surefire execution of its own
 * (see the pom), where slf4j-jdk14 replaces the other tests' slf4j-simple.
 */
class LogSourceTest {

    private final Records records = new Records();
    private final Logger root = Logger.getLogger("");
    private final Handler[] consoles = root.getHandlers();

    @BeforeEach
    void requireJul() {
        String binding = LoggerFactory.getILoggerFactory().getClass().getName();
        boolean jul = binding.equals("org.slf4j.jul.JDK14LoggerFactory");
        // Picked by -Dtest=… or -Dit.test=!…, a run with slf4j-simple gets it too: there it has nothing to check.
        Assumptions.assumeTrue(jul || Boolean.getBoolean("warcast.test.jul"), "runs with slf4j-jdk14 only");
        assertThat(jul)
                .as(
                        "the surefire execution through-slf4j-jdk14 logs through slf4j-jdk14, as Tomcat does, not %s",
                        binding)
                .isTrue();
        root.addHandler(records);
        // Only what this test looks at, not the console: a stack trace in the build's output looks like a failure.
        for (Handler console : consoles) {
            root.removeHandler(console);
        }
    }

    @AfterEach
    void restoreHandlers() {
        root.removeHandler(records);
        for (Handler console : consoles) {
            root.addHandler(console);
        }
    }

    @Test
    void aFailedConnectionIsLoggedByTheLinkItself(@TempDir Path conf) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Files.writeString(conf.resolve("warcast.properties"), "amqpbroadcast.hostname=127.0.0.1:" + closedPort);
        AmqpBroadcasterProvider provider = new AmqpBroadcasterProvider();
        provider.start(new ServerEnvironment(Optional.of("log-source-test"), Optional.of(conf)));
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> !records.with("Warcast cannot connect").isEmpty());
        } finally {
            provider.stop();
        }

        LogRecord failed = records.with("Warcast cannot connect").get(0);
        assertThat(failed.getLoggerName()).isEqualTo(AmqpLink.class.getName());
        assertThat(failed.getSourceClassName() + " " + failed.getSourceMethodName())
                .as("the source Tomcat's log shows for the failed connection")
                .isEqualTo(AmqpLink.class.getName() + " run");
        assertThat(records.with("Warcast"))
                .as("Warcast's lines while starting, failing to connect and stopping")
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(this::isWarcasts);
    }

    @Test
    void whatTheClientReportsOfAThrowingConsumerIsWarcastsLine() {
        new LinkExceptionHandler()
                .handleConsumerException(
                        null, new IllegalStateException("boom"), null, "consumer-tag", "handleDelivery");

        assertThat(records.with("consumer-tag"))
                .as("the client's report, once, as Warcast's own line")
                .singleElement()
                .satisfies(this::isWarcasts)
                .satisfies(record -> assertThat(record.getThrown()).hasMessage("boom"));
    }

    private void isWarcasts(LogRecord record) {
        assertThat(record.getLoggerName())
                .as("logger of [%s]", record.getMessage())
                .startsWith("io.warcast.");
        assertThat(record.getSourceClassName())
                .as("source of [%s]", record.getMessage())
                .startsWith("io.warcast.");
    }

    /** Every record logged while the test runs. */
    private static final class Records extends Handler {

        private final List<LogRecord> all = new CopyOnWriteArrayList<>();

        List<LogRecord> with(String... fragments) {
            return all.stream()
                    .filter(record -> List.of(fragments).stream()
                            .allMatch(fragment ->
                                    String.valueOf(record.getMessage()).contains(fragment)))
                    .toList();
        }

        @Override
        public void publish(LogRecord record) {
            all.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
