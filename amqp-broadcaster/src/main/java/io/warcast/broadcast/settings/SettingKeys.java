package io.warcast.broadcast.settings;

import java.util.List;

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

    /** Every key, in the order the effective settings are logged. */
    public static final List<String> ALL = List.of(
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
            LISTENER_QUEUE);

    /** The keys a web application may set in its own {@code WEB-INF/warcast.properties}. */
    public static final List<String> APPLICATION_KEYS = List.of(EXCHANGE);

    public static final String MASK = "****";

    private SettingKeys() {}

    static boolean isSecret(String key) {
        return PASSWORD.equals(key);
    }
}
