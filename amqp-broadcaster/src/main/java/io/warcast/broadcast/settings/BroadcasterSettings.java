package io.warcast.broadcast.settings;

import static io.warcast.broadcast.settings.Setting.*;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server's effective broadcaster settings, from {@code warcast.properties} and the defaults.
 *
 * @param hostname the broker host or comma list of hosts; empty runs local-only
 * @param connectionTimeoutMs TCP connect time limit in milliseconds; 0 for none
 * @param handshakeTimeoutMs AMQP handshake time limit in milliseconds
 * @param shutdownTimeoutMs the time limit of a stop as a whole, in milliseconds: for busy listeners, unsent messages
 *     and closing the connection at once
 * @param rpcTimeoutMs channel RPC time limit in milliseconds
 * @param deliveryThreads the threads that call every listener of this server
 * @param listenerQueue how many events one listener may have waiting before further ones are dropped
 * @param brokers the brokers to try in turn, from {@code hostname} or {@code uri}; empty runs local-only
 * @param heartbeatSeconds the AMQP heartbeat in seconds; 0 for none
 * @param tls how the connection is encrypted; empty for plain AMQP
 * @param queueType the type of this server's queue
 * @param queueExpiryMs how long the broker keeps this server's queue, and what is sent to it, while the server is
 *     away, in milliseconds
 * @param outboxSize how many messages wait for the broker before further ones are dropped
 * @param maxMessageSize the largest message body sent or accepted, in bytes
 * @param startupTimeoutMs how long, from the provider's start, this server's queue is not consumed while the
 *     applications deployed at start-up join, in milliseconds; 0 consumes at once
 * @param trustedPublishers the broker users whose messages this server delivers; empty for any
 */
public record BroadcasterSettings(
        Optional<String> hostname,
        String username,
        String password,
        String virtualHost,
        int port,
        long connectionTimeoutMs,
        long handshakeTimeoutMs,
        long shutdownTimeoutMs,
        long rpcTimeoutMs,
        String serverId,
        String exchange,
        int deliveryThreads,
        int listenerQueue,
        List<BrokerAddress> brokers,
        int heartbeatSeconds,
        Optional<TlsSettings> tls,
        QueueType queueType,
        long queueExpiryMs,
        int outboxSize,
        int maxMessageSize,
        long startupTimeoutMs,
        List<String> trustedPublishers) {

    private static final String NONE = "<none>";

    /**
     * Reads the settings.
     *
     * @param raw the entries of {@code warcast.properties}; keys outside {@value Setting#PREFIX} are ignored
     * @param defaultServerId the server id when {@link Setting#SERVER_ID} is not set
     * @param environment looks up environment variables for {@code ${env:NAME}}
     * @throws IllegalArgumentException naming key, value and expected form for an unknown key or a bad value
     */
    public static BroadcasterSettings parse(
            Map<String, String> raw, String defaultServerId, UnaryOperator<String> environment) {
        SettingValues values = new SettingValues(
                raw, EnumSet.allOf(Setting.class), "expected one of " + Setting.allKeys(), environment);
        Optional<BrokerUri> uri = values.optionalText(URI).map(value -> BrokerUri.parse(URI, value));
        uri.ifPresent(given -> URI_EXCLUSIVE.stream()
                .filter(values::isSet)
                .findFirst()
                .ifPresent(key -> {
                    throw new IllegalArgumentException(URI + "=["
                            + BrokerUri.redact(values.optionalText(URI).orElseThrow())
                            + "]: expected either " + URI + " or " + uriExclusiveKeys() + ", not both (" + key
                            + " is set too)");
                }));
        boolean ssl = values.flag(SSL, uri.map(BrokerUri::tls).orElse(false));
        if (uri.isPresent() && uri.get().tls() && !ssl) {
            throw SettingValues.refused(SSL, "false", "true or no " + SSL + " with an amqps:// " + URI);
        }
        if (!ssl) {
            Setting.tlsKeys().stream().filter(values::isSet).findFirst().ifPresent(key -> {
                throw new IllegalArgumentException(key + ": takes effect only with " + SSL + "=true or an amqps:// "
                        + URI + "; set " + SSL + "=true or remove " + key);
            });
        }
        int port = uri.map(given -> given.address().port())
                .orElseGet(() -> ssl ? values.count(PORT, 5671) : values.count(PORT));
        Optional<String> hostname = uri.map(given -> given.address().host()).or(() -> values.optionalText(HOSTNAME));
        List<BrokerAddress> brokers = uri.map(given -> List.of(given.address()))
                .orElseGet(() -> hostname.map(hosts -> BrokerAddress.parseList(HOSTNAME, hosts, port))
                        .orElse(List.of()));
        return new BroadcasterSettings(
                hostname,
                uri.flatMap(BrokerUri::username).orElseGet(() -> values.text(USERNAME)),
                uri.flatMap(BrokerUri::password).orElseGet(() -> values.text(PASSWORD)),
                uri.map(BrokerUri::virtualHost).orElseGet(() -> values.text(VIRTUALHOST)),
                port,
                values.number(CONNECTION_TIMEOUT),
                values.number(HANDSHAKE_TIMEOUT),
                values.number(SHUTDOWN_TIMEOUT),
                values.number(RPC_TIMEOUT),
                values.token(SERVER_ID, defaultServerId),
                values.exchange(EXCHANGE),
                values.count(DELIVERY_THREADS),
                values.count(LISTENER_QUEUE),
                brokers,
                values.count(HEARTBEAT),
                ssl ? Optional.of(TlsSettings.parse(values)) : Optional.empty(),
                QueueType.parse(QUEUE_TYPE, values.text(QUEUE_TYPE)),
                values.number(QUEUE_EXPIRY),
                values.count(OUTBOX_SIZE),
                values.count(MAX_MESSAGE_SIZE),
                values.number(STARTUP_TIMEOUT),
                values.names(TRUSTED_PUBLISHERS));
    }

    private static String uriExclusiveKeys() {
        return String.join("/", URI_EXCLUSIVE.stream().map(Setting::key).toList());
    }

    /** True when a broker is set: the server broadcasts to other servers, not only within the JVM. */
    public boolean usesBroker() {
        return !brokers.isEmpty();
    }

    /**
     * The exchange a web application uses: the server's, unless its own settings name another.
     *
     * @throws IllegalArgumentException naming the key when the application sets a key it may not, or a bad value
     */
    public String exchangeFor(Map<String, String> applicationSettings, UnaryOperator<String> environment) {
        Map<String, String> scoped = new LinkedHashMap<>();
        applicationSettings.forEach((key, value) -> {
            if (APPLICATION_KEYS.stream().noneMatch(allowed -> allowed.key().equals(key))) {
                throw new IllegalArgumentException(key
                        + ": a web application's WEB-INF/warcast.properties may set only "
                        + String.join(
                                ", ",
                                APPLICATION_KEYS.stream().map(Setting::key).toList())
                        + "; set the other keys in the server's warcast.properties");
            }
            scoped.put(key, value);
        });
        SettingValues values = new SettingValues(scoped, APPLICATION_KEYS, "", environment);
        return values.exchange(EXCHANGE, exchange);
    }

    /** Every setting as {@code key=value}, in the order of {@link Setting}, secrets masked, for the log. */
    public String describe() {
        return Stream.of(Setting.values())
                .map(setting -> setting + "=" + shown(setting))
                .collect(Collectors.joining(", "));
    }

    /** The effective value of a setting as the log shows it; a new {@link Setting} does not compile until shown. */
    private Object shown(Setting setting) {
        Optional<TlsSettings.StoreFile> trustStore = tls.flatMap(TlsSettings::trustStore);
        Optional<TlsSettings.StoreFile> keyStore = tls.flatMap(TlsSettings::keyStore);
        return switch (setting) {
            case HOSTNAME -> brokers.isEmpty() ? NONE : hostname.orElseThrow();
            case USERNAME -> username;
            case PASSWORD -> secret(password);
            case VIRTUALHOST -> virtualHost;
            case PORT -> port;
            case CONNECTION_TIMEOUT -> connectionTimeoutMs;
            case HANDSHAKE_TIMEOUT -> handshakeTimeoutMs;
            case SHUTDOWN_TIMEOUT -> shutdownTimeoutMs;
            case RPC_TIMEOUT -> rpcTimeoutMs;
            case SERVER_ID -> serverId;
            case EXCHANGE -> exchange;
            case DELIVERY_THREADS -> deliveryThreads;
            case LISTENER_QUEUE -> listenerQueue;
            case URI -> brokers.isEmpty() ? NONE : effectiveUri();
            case HEARTBEAT -> heartbeatSeconds;
            case SSL -> tls.isPresent();
            case SSL_TRUSTSTORE -> path(trustStore, "<JVM default>");
            case SSL_TRUSTSTORE_PASSWORD -> password(trustStore);
            case SSL_TRUSTSTORE_TYPE -> type(trustStore);
            case SSL_KEYSTORE -> path(keyStore, NONE);
            case SSL_KEYSTORE_PASSWORD -> password(keyStore);
            case SSL_KEYSTORE_TYPE -> type(keyStore);
            case SSL_VERIFY_HOSTNAME -> tls.map(TlsSettings::verifyHostname).orElse(true);
            case QUEUE_TYPE -> queueType.argument();
            case QUEUE_EXPIRY -> queueExpiryMs;
            case OUTBOX_SIZE -> outboxSize;
            case MAX_MESSAGE_SIZE -> maxMessageSize;
            case STARTUP_TIMEOUT -> startupTimeoutMs;
            case TRUSTED_PUBLISHERS -> trustedPublishers.isEmpty() ? "<any>" : String.join(",", trustedPublishers);
        };
    }

    private static String path(Optional<TlsSettings.StoreFile> store, String none) {
        return store.map(file -> file.path().toString()).orElse(none);
    }

    private static String password(Optional<TlsSettings.StoreFile> store) {
        return secret(store.map(TlsSettings.StoreFile::password).orElse(""));
    }

    private static String type(Optional<TlsSettings.StoreFile> store) {
        return store.map(TlsSettings.StoreFile::type).orElse("-");
    }

    /** A secret for the log: masked when set, so that an unset one does not look set. */
    private static String secret(String value) {
        return value.isEmpty() ? NONE : MASK;
    }

    /** The broker in the form of {@link Setting#URI}, the password masked: whichever keys set it. */
    private String effectiveUri() {
        String hosts = brokers.stream().map(BrokerAddress::toString).collect(Collectors.joining(","));
        String vhost = virtualHost.equals("/") ? "%2F" : virtualHost;
        return (tls.isPresent() ? "amqps" : "amqp") + "://" + username + ":" + MASK + "@" + hosts + "/" + vhost;
    }

    @Override
    public String toString() {
        return describe();
    }
}
