package io.warcast.broadcast.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.MalformedFrameException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import io.warcast.broadcast.settings.BroadcasterSettings;
import java.io.IOException;
import java.net.ConnectException;
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

    private static ConnectFailure classify(Throwable failure) {
        return ConnectFailure.classify(failure, "rabbit:5672", SETTINGS);
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
    void neverAStackTraceOnlyTheInnermostMessage() {
        assertThat(classify(new IOException("outer", new IllegalStateException("inner")))
                        .message())
                .isEqualTo(PREFIX + "inner")
                .doesNotContain("\n");
    }
}
