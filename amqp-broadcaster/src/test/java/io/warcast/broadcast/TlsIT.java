package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.TestServers.register;
import static io.warcast.broadcast.TestServers.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterStatus.State;
import io.warcast.harness.TestCertificates;
import io.warcast.harness.TlsTerminator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS to the broker (HAProxy terminating TLS in front of it, with a certificate for {@code localhost} only, signed by
 * a throw-away CA): servers that trust the CA and connect to the name on the certificate talk; a wrong name or an
 * unknown CA gives no connection and one clear line; turning host name checks off still checks the certificate.
 */
class TlsIT {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    private static TestCertificates certificates;
    private static TlsTerminator tls;

    @BeforeAll
    static void tlsInFrontOfTheBroker() throws IOException {
        Path work = Files.createTempDirectory("warcast-it-tls-");
        certificates = TestCertificates.create(work.resolve("certificates"));
        tls = TlsTerminator.start(certificates, broker.endpoint(), work);
        System.out.println("[broker] TLS on 127.0.0.1:" + tls.port() + " in front of "
                + broker.endpoint().describe());
    }

    @AfterAll
    static void stopTls() {
        tls.close();
    }

    @RegisterExtension
    final TestServers servers = new TestServers(broker::admin);

    private TestServer overTls(String name, String host, Path trustStore, String... extraLines) {
        String[] tlsLines = {
            "amqpbroadcast.hostname=" + host + ":" + tls.port(),
            "amqpbroadcast.ssl=true",
            "amqpbroadcast.ssl.truststore=" + trustStore,
            "amqpbroadcast.ssl.truststorepassword=" + certificates.trustStorePassword(),
            "amqpbroadcast.ssl.truststoretype=PKCS12"
        };
        String[] lines = new String[tlsLines.length + extraLines.length];
        System.arraycopy(tlsLines, 0, lines, 0, tlsLines.length);
        System.arraycopy(extraLines, 0, lines, tlsLines.length, extraLines.length);
        return servers.start(name, lines);
    }

    @Test
    void twoServersTrustingTheCaTalkThroughTls() {
        TestServer a = overTls("a", "localhost", certificates.trustStore());
        TestServer b = overTls("b", "localhost", certificates.trustStore());
        var shopOnA = a.join("/shop").service();
        RecordingListener heardOnB = register(b.join("/shop").service());
        servers.awaitBound(a, b);

        shopOnA.notifyDataChange(change("shop", 1));

        within(Duration.ofSeconds(10))
                .alias("B hears A's change through TLS")
                .until(() -> heardOnB.changes.size() == 1);
        assertThat(b.metrics().connectedTo()).as("B's broker").contains("localhost:" + tls.port());
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefusedWithAClearLine() {
        assertThat(refusal("ip", "127.0.0.1", certificates.trustStore()))
                .as("the line says the certificate does not name the host")
                .isEqualTo("Warcast cannot connect to the AMQP broker at 127.0.0.1:" + tls.port()
                        + ": TLS failed: the broker's certificate does not name the host connected to (No subject"
                        + " alternative names matching IP address 127.0.0.1 found; amqpbroadcast.ssl.verifyhostname)");
    }

    @Test
    void aCertificateFromAnUnknownCaIsNotTrustedWithAClearLine() {
        assertThat(refusal("other-ca", "localhost", certificates.otherTrustStore()))
                .as("the line says the certificate is not trusted")
                .isEqualTo("Warcast cannot connect to the AMQP broker at localhost:" + tls.port()
                        + ": TLS failed: the broker's certificate is not trusted (amqpbroadcast.ssl.truststore)");
    }

    /** docs/settings.md: with verifyhostname=false the name is not checked, but the certificate always is. */
    @Test
    void withoutHostNameVerificationTheNameIsNotCheckedButTheCertificateStillIs() {
        TestServer trusting = overTls(
                "ip-trusting", "127.0.0.1", certificates.trustStore(), "amqpbroadcast.ssl.verifyhostname=false");
        trusting.join("/shop");
        servers.awaitBound(trusting);

        assertThat(refusal(
                        "ip-other-ca",
                        "127.0.0.1",
                        certificates.otherTrustStore(),
                        "amqpbroadcast.ssl.verifyhostname=false"))
                .as("an unknown CA is refused even without host name verification")
                .endsWith("TLS failed: the broker's certificate is not trusted (amqpbroadcast.ssl.truststore)");
    }

    /** Starts a server that cannot connect; returns its error line once it is logged as a warning. */
    private String refusal(String name, String host, Path trustStore, String... extraLines) {
        try (LogCapture log = LogCapture.start()) {
            TestServer server = overTls(name, host, trustStore, extraLines);
            within(Duration.ofSeconds(20))
                    .until(() -> server.metrics().lastError().isPresent());
            String error = server.metrics().lastError().orElseThrow();
            within(Duration.ofSeconds(5))
                    .alias("the line is logged as a warning")
                    .until(() -> !log.linesWith("WARN", error).isEmpty());
            assertThat(server.metrics().linkState()).as("no connection").isNotEqualTo(State.CONNECTED);
            System.out.println("[tls] " + error);
            return error;
        }
    }
}
