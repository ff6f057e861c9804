package io.warcast.broadcast.settings;

import java.util.List;
import java.util.stream.Stream;

/** The keys of {@code warcast.properties} that the broadcaster reads, all under {@value #PREFIX}. */
public final class SettingKeys {

    public static final String PREFIX = "amqpbroadcast.";

    public static final String HOSTNAME = PREFIX + "hostname";
    public static final String USERNAME = PREFIX + "username";
    public static final String PASSWORD = PREFIX + "password";
    public static final String VIRTUALHOST = PREFIX + "virtualhost";
    public static final String PORT = PREFIX + "port";
    public static final String CONNECTION_TIMEOUT = PREFIX + "connectiontimeout";
    public static final String HANDSHAKE_TIMEOUT = PREFIX + "handshaketimeout";
    public static final String SHUTDOWN_TIMEOUT = PREFIX + "shutdowntimeout";
    public static final String RPC_TIMEOUT = PREFIX + "rpctimeout";
    public static final String SERVER_ID = PREFIX + "serverid";
    public static final String EXCHANGE = PREFIX + "exchange";
    public static final String DELIVERY_THREADS = PREFIX + "deliverythreads";
    public static final String LISTENER_QUEUE = PREFIX + "listenerqueue";
    public static final String URI = PREFIX + "uri";
    public static final String HEARTBEAT = PREFIX + "heartbeat";
    public static final String SSL = PREFIX + "ssl";
    public static final String SSL_TRUSTSTORE = PREFIX + "ssl.truststore";
    public static final String SSL_TRUSTSTORE_PASSWORD = PREFIX + "ssl.truststorepassword";
    public static final String SSL_TRUSTSTORE_TYPE = PREFIX + "ssl.truststoretype";
    public static final String SSL_KEYSTORE = PREFIX + "ssl.keystore";
    public static final String SSL_KEYSTORE_PASSWORD = PREFIX + "ssl.keystorepassword";
    public static final String SSL_KEYSTORE_TYPE = PREFIX + "ssl.keystoretype";
    public static final String SSL_VERIFY_HOSTNAME = PREFIX + "ssl.verifyhostname";
    public static final String QUEUE_TYPE = PREFIX + "queuetype";
    public static final String QUEUE_EXPIRY = PREFIX + "queueexpiry";
    public static final String OUTBOX_SIZE = PREFIX + "outboxsize";
    public static final String MAX_MESSAGE_SIZE = PREFIX + "maxmessagesize";
    public static final String STARTUP_TIMEOUT = PREFIX + "startuptimeout";

    /** The TLS keys, which take effect only with {@value #SSL}{@code =true} or an {@code amqps://} URI. */
    public static final List<String> TLS_KEYS = List.of(
            SSL_TRUSTSTORE,
            SSL_TRUSTSTORE_PASSWORD,
            SSL_TRUSTSTORE_TYPE,
            SSL_KEYSTORE,
            SSL_KEYSTORE_PASSWORD,
            SSL_KEYSTORE_TYPE,
            SSL_VERIFY_HOSTNAME);

    /** Every key, in the order the effective settings are logged. */
    public static final List<String> ALL = Stream.of(
                    List.of(
                            HOSTNAME,
                            USERNAME,
                            PASSWORD,
                            VIRTUALHOST,
                            PORT,
                            CONNECTION_TIMEOUT,
                            HANDSHAKE_TIMEOUT,
                            SHUTDOWN_TIMEOUT,
                            RPC_TIMEOUT,
                            SERVER_ID,
                            EXCHANGE,
                            DELIVERY_THREADS,
                            LISTENER_QUEUE,
                            URI,
                            HEARTBEAT,
                            SSL),
                    TLS_KEYS,
                    List.of(QUEUE_TYPE, QUEUE_EXPIRY, OUTBOX_SIZE, MAX_MESSAGE_SIZE, STARTUP_TIMEOUT))
            .flatMap(List::stream)
            .toList();

    /** The keys that {@value #URI} replaces: setting one of them as well is refused. */
    public static final List<String> URI_EXCLUSIVE = List.of(HOSTNAME, USERNAME, PASSWORD, PORT, VIRTUALHOST);

    /** The keys a web application may set in its own {@code WEB-INF/warcast.properties}. */
    public static final List<String> APPLICATION_KEYS = List.of(EXCHANGE);

    public static final String MASK = "****";

    private SettingKeys() {}

    /** Keys whose values never appear in a message or the log; a URI may hold a password. */
    static boolean isSecret(String key) {
        return PASSWORD.equals(key)
                || SSL_TRUSTSTORE_PASSWORD.equals(key)
                || SSL_KEYSTORE_PASSWORD.equals(key)
                || URI.equals(key);
    }
}
