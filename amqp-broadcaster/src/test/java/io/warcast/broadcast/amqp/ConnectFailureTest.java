package io.warcast.broadcast.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.MalformedFrameException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import io.warcast.broadcast.settings.BroadcasterSettings;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Each exception the client throws on connect becomes one line naming the host and the setting to check. */
class ConnectFailureTest {

    private static final String PREFIX = "Warcast cannot connect to the AMQP broker at rabbit:5672: ";

    private static final BroadcasterSettings SETTINGS = BroadcasterSettings.parse(
            Map.of(
                    "amqpbroadcast.hostname", "rabbit",
                    "amqpbroadcast.username", "shop",
                    "amqpbroadcast.virtualhost", "/prod",
                    "amqpbroadcast.connectiontimeout", "2000",
                    "amqpbroadcast.handshaketimeout", "3000"),
            "node-a",
            name -> null);

    private static final BroadcasterSettings TLS_SETTINGS = BroadcasterSettings.parse(
            Map.of("amqpbroadcast.hostname", "rabbit", "amqpbroadcast.ssl", "true"), "node-a", name -> null);

    private static ConnectFailure classify(Throwable failure) {
        return ConnectFailure.classify(failure, "rabbit:5672", SETTINGS);
    }

    /** What the client throws when the connection breaks under it, as it does: the cause set after. */
    private static ShutdownSignalException connectionError(Throwable cause) {
        ShutdownSignalException error = new ShutdownSignalException(true, false, null, null);
        error.initCause(cause);
        return error;
    }

    private static SSLHandshakeException tls(Throwable cause) {
        SSLHandshakeException handshake = new SSLHandshakeException("handshake failed");
        handshake.initCause(cause);
        return handshake;
    }

    @Test
    void unreachableAndUnknownHosts() {
        assertThat(classify(new ConnectException("Connection refused")))
                .isEqualTo(new ConnectFailure(
                        ConnectFailure.Kind.UNREACHABLE, PREFIX + "unreachable (Connection refused)"));
        assertThat(classify(new SocketTimeoutException("connect timed out")).message())
                .isEqualTo(PREFIX + "unreachable (no TCP connection within amqpbroadcast.connectiontimeout=2000 ms)");
        assertThat(classify(new UnknownHostException("rabbit")).kind()).isEqualTo(ConnectFailure.Kind.UNKNOWN_HOST);
    }

    @Test
    void credentialsAndVirtualHost() {
        assertThat(classify(new AuthenticationFailureException("ACCESS_REFUSED"))
                        .message())
                .isEqualTo(PREFIX + "user name or password refused for user [shop] (amqpbroadcast.username,"
                        + " amqpbroadcast.password)");
        assertThat(classify(new PossibleAuthenticationFailureException(new IOException("closed")))
                        .kind())
                .isEqualTo(ConnectFailure.Kind.BAD_CREDENTIALS);
        AMQP.Connection.Close close = new AMQP.Connection.Close.Builder()
                .replyCode(AMQP.NOT_ALLOWED)
                .replyText("NOT_ALLOWED - vhost /prod not found")
                .build();
        IOException vhost = new IOException(new ShutdownSignalException(true, false, close, null));
        assertThat(classify(vhost).message())
                .isEqualTo(PREFIX + "virtual host [/prod] does not exist or user [shop] may not use it"
                        + " (amqpbroadcast.virtualhost)");
    }

    @Test
    void tlsFailuresSayWhichCheckFailed() {
        assertThat(classify(tls(new CertPathValidatorException("no trust anchor")))
                        .message())
                .isEqualTo(PREFIX + "TLS failed: the broker's certificate is not trusted"
                        + " (amqpbroadcast.ssl.truststore)");
        assertThat(classify(tls(new CertificateException("No subject alternative DNS name matching rabbit found.")))
                        .kind())
                .isEqualTo(ConnectFailure.Kind.TLS_HOSTNAME);
    }

    @Test
    void somethingElseThanAnAmqpBroker() {
        assertThat(classify(new MalformedFrameException("AMQP protocol version mismatch"))
                        .kind())
                .isEqualTo(ConnectFailure.Kind.NOT_AMQP);
        String silence = PREFIX + "no AMQP 0-9-1 answer within amqpbroadcast.handshaketimeout=3000 ms (is it another"
                + " service, such as an HTTP port? AMQP listens on 5672, 5671 with TLS; amqpbroadcast.port)";
        assertThat(classify(new TimeoutException("handshake")).message()).isEqualTo(silence);
        assertThat(classify(new SocketTimeoutException("Read timed out")).message())
                .as("a TLS handshake nobody answers")
                .isEqualTo(silence);
    }

    @Test
    void aPeerThatClosesDuringTheHandshakeIsNamed() {
        String closed = PREFIX + "the broker closed the connection during the AMQP handshake (is it an AMQP 0-9-1"
                + " port, or a proxy with no broker behind it? AMQP listens on 5672, 5671 with TLS; amqpbroadcast.port)";
        assertThat(classify(new IOException(connectionError(new EOFException()))))
                .as("the end of the stream where connection.start was expected")
                .isEqualTo(new ConnectFailure(ConnectFailure.Kind.CLOSED_IN_HANDSHAKE, closed));
        assertThat(classify(new SocketException("Connection reset by peer")).message())
                .as("a reset while the client writes the protocol header")
                .isEqualTo(closed);
        assertThat(classify(new IOException(connectionError(new SocketException("Connection reset"))))
                        .message())
                .as("a reset while the client reads")
                .isEqualTo(closed);
        SSLHandshakeException tlsClosed = new SSLHandshakeException("Remote host terminated the handshake");
        tlsClosed.initCause(new EOFException("SSL peer shut down incorrectly"));
        assertThat(ConnectFailure.classify(tlsClosed, "rabbit:5671", TLS_SETTINGS)
                        .message())
                .isEqualTo("Warcast cannot connect to the AMQP broker at rabbit:5671: the broker closed the connection"
                        + " during the TLS handshake (is it an AMQP 0-9-1 port with TLS, or a proxy with no broker"
                        + " behind it? AMQP listens on 5672, 5671 with TLS; amqpbroadcast.port)");
        assertThat(ConnectFailure.classify(new SocketException("Connection reset by peer"), "rabbit:5671", TLS_SETTINGS)
                        .message())
                .as("a reset while the client writes its TLS hello")
                .contains("closed the connection during the TLS or AMQP handshake (is it an AMQP 0-9-1 port with TLS,");
        assertThat(classify(new SocketException("Network is unreachable")).kind())
                .as("another socket error is not a close")
                .isEqualTo(ConnectFailure.Kind.OTHER);
    }

    @Test
    void neverAStackTraceOnlyTheInnermostMessage() {
        assertThat(classify(new IOException("outer", new IllegalStateException("inner")))
                        .message())
                .isEqualTo(PREFIX + "inner")
                .doesNotContain("\n");
    }
}
