package io.warcast.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS endpoint the broadcaster's TLS tests use: trusted and verified for localhost only. */
class TlsTerminatorTest {

    @TempDir
    Path work;

    @Test
    void speaksAmqpOverTlsForLocalhostAndFailsForTheWrongNameOrAnUntrustedCa() throws Exception {
        TestCertificates certificates = TestCertificates.create(work.resolve("tls"));
        try (TestBrokers.Selection broker = TestBrokers.select(work.resolve("broker"));
                TlsTerminator tls = TlsTerminator.start(certificates, broker.endpoint(), work)) {
            assertThat(amqpOverTls("localhost", tls.port(), certificates.trustStore()))
                    .as(
                            "AMQP 0-9-1 answers through TLS to %s",
                            broker.endpoint().describe())
                    .isEqualTo(1);
            assertThatThrownBy(() -> amqpOverTls("127.0.0.1", tls.port(), certificates.trustStore()))
                    .as("the certificate names localhost only")
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
            assertThatThrownBy(() -> amqpOverTls("localhost", tls.port(), certificates.otherTrustStore()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("unable to find valid certification path");
        }
    }

    private static int amqpOverTls(String host, int port, Path trustStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(trustStore)) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
            socket.startHandshake();
            socket.getOutputStream().write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
            socket.getOutputStream().flush();
            return socket.getInputStream().read();
        }
    }
}
