package io.warcast.broadcast.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.MalformedFrameException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import io.warcast.broadcast.settings.BroadcasterSettings;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Why a connection to the broker failed, as one line an operator can act on: never a stack trace, never the
 * password.
 *
 * @param kind what went wrong, for deciding whether a retry is worth a new log line
 * @param message the line to log
 */
record ConnectFailure(Kind kind, String message) {

    enum Kind {
        UNREACHABLE,
        UNKNOWN_HOST,
        BAD_CREDENTIALS,
        UNKNOWN_VHOST,
        TLS_UNTRUSTED,
        TLS_HOSTNAME,
        TLS_OTHER,
        NOT_AMQP,
        CLOSED_IN_HANDSHAKE,
        OTHER
    }

    /**
     * @param failure what opening the connection threw
     * @param target the broker or brokers tried, {@code host:port[,host:port]}
     * @param settings the user name, virtual host and time limits the connection was opened with
     */
    static ConnectFailure classify(Throwable failure, String target, BroadcasterSettings settings) {
        String prefix = "Warcast cannot connect to the AMQP broker at " + target + ": ";
        String username = settings.username();
        String virtualHost = settings.virtualHost();
        if (find(failure, UnknownHostException.class) != null) {
            return new ConnectFailure(Kind.UNKNOWN_HOST, prefix + "unknown host (amqpbroadcast.hostname)");
        }
        if (find(failure, AuthenticationFailureException.class) != null
                || find(failure, PossibleAuthenticationFailureException.class) != null) {
            return new ConnectFailure(
                    Kind.BAD_CREDENTIALS,
                    prefix + "user name or password refused for user [" + username
                            + "] (amqpbroadcast.username, amqpbroadcast.password)");
        }
        if (connectionRefusedWith(failure, AMQP.NOT_ALLOWED)) {
            return new ConnectFailure(
                    Kind.UNKNOWN_VHOST,
                    prefix + "virtual host [" + virtualHost + "] does not exist or user [" + username
                            + "] may not use it (amqpbroadcast.virtualhost)");
        }
        if (closedByPeer(failure)) {
            return closedInHandshake(prefix, failure, settings.tls().isPresent());
        }
        ConnectFailure tls = classifyTls(failure, prefix);
        if (tls != null) {
            return tls;
        }
        if (find(failure, MalformedFrameException.class) != null) {
            return notAmqp(prefix);
        }
        if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
            return new ConnectFailure(Kind.UNREACHABLE, prefix + "unreachable (" + reason(failure) + ")");
        }
        SocketTimeoutException socketTimeout = find(failure, SocketTimeoutException.class);
        if (socketTimeout != null
                && String.valueOf(socketTimeout.getMessage())
                        .toLowerCase(Locale.ROOT)
                        .contains("connect")) {
            return new ConnectFailure(
                    Kind.UNREACHABLE,
                    prefix + "unreachable (no TCP connection within amqpbroadcast.connectiontimeout="
                            + settings.connectionTimeoutMs() + " ms)");
        }
        if (socketTimeout != null || find(failure, TimeoutException.class) != null) {
            // Connected, then silence: the client gives up waiting for connection.start or a TLS answer.
            return new ConnectFailure(
                    Kind.NOT_AMQP,
                    prefix + "no AMQP 0-9-1 answer within amqpbroadcast.handshaketimeout="
                            + settings.handshakeTimeoutMs() + " ms (is it another service, such as an HTTP port?"
                            + " AMQP listens on 5672, 5671 with TLS; amqpbroadcast.port)");
        }
        return new ConnectFailure(Kind.OTHER, prefix + reason(failure));
    }

    private static ConnectFailure classifyTls(Throwable failure, String prefix) {
        if (find(failure, SSLException.class) == null) {
            return null;
        }
        if (find(failure, CertPathBuilderException.class) != null
                || find(failure, CertPathValidatorException.class) != null) {
            return new ConnectFailure(
                    Kind.TLS_UNTRUSTED,
                    prefix + "TLS failed: the broker's certificate is not trusted (amqpbroadcast.ssl.truststore)");
        }
        CertificateException certificate = find(failure, CertificateException.class);
        if (certificate != null && String.valueOf(certificate.getMessage()).contains("match")
                || find(failure, SSLPeerUnverifiedException.class) != null) {
            return new ConnectFailure(
                    Kind.TLS_HOSTNAME,
                    prefix + "TLS failed: the broker's certificate does not name the host connected to ("
                            + reason(failure) + "; amqpbroadcast.ssl.verifyhostname)");
        }
        if (String.valueOf(reason(failure)).contains("plaintext")
                || String.valueOf(reason(failure)).contains("Unsupported or unrecognized SSL message")) {
            return new ConnectFailure(
                    Kind.TLS_OTHER, prefix + "TLS failed: the port does not speak TLS (amqpbroadcast.port)");
        }
        return new ConnectFailure(Kind.TLS_OTHER, prefix + "TLS failed (" + reason(failure) + ")");
    }

    /**
     * The peer closed or reset the connection before the handshake was done: the client reads an end of stream, or
     * the reset of a peer that closed without reading what the client wrote.
     */
    private static boolean closedByPeer(Throwable failure) {
        if (find(failure, EOFException.class) != null) {
            return true;
        }
        SocketException socket = find(failure, SocketException.class);
        String message = socket == null ? "" : String.valueOf(socket.getMessage());
        return message.contains("Connection reset") || message.contains("Broken pipe");
    }

    private static ConnectFailure closedInHandshake(String prefix, Throwable failure, boolean tls) {
        // A reset while the client writes its TLS hello comes without a TLS exception: then either handshake it was.
        String handshake = !tls ? "AMQP" : find(failure, SSLHandshakeException.class) != null ? "TLS" : "TLS or AMQP";
        String port = tls ? "an AMQP 0-9-1 port with TLS" : "an AMQP 0-9-1 port";
        return new ConnectFailure(
                Kind.CLOSED_IN_HANDSHAKE,
                prefix + "the broker closed the connection during the " + handshake + " handshake (is it " + port
                        + ", or a proxy with no broker behind it? AMQP listens on 5672, 5671 with TLS;"
                        + " amqpbroadcast.port)");
    }

    private static ConnectFailure notAmqp(String prefix) {
        return new ConnectFailure(
                Kind.NOT_AMQP,
                prefix + "no AMQP 0-9-1 answer (is it another service, such as an HTTP port? AMQP listens on 5672,"
                        + " 5671 with TLS; amqpbroadcast.port, amqpbroadcast.handshaketimeout)");
    }

    private static boolean connectionRefusedWith(Throwable failure, int replyCode) {
        ShutdownSignalException shutdown = find(failure, ShutdownSignalException.class);
        return shutdown != null
                && shutdown.getReason() instanceof AMQP.Connection.Close close
                && close.getReplyCode() == replyCode;
    }

    /** The innermost message, which says most: "Connection refused". */
    private static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return message == null ? innermost.getClass().getSimpleName() : message;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
