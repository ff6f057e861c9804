package io.warcast.broadcast.settings;

import static io.warcast.broadcast.settings.SettingKeys.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

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
        long startupTimeoutMs) {

    public static final String DEFAULT_EXCHANGE = "warcast";

    private static final String NONE = "<none>";

    /**
     * Reads the settings.
     *
     * @param raw the entries of {@code warcast.properties}; keys outside {@value SettingKeys#PREFIX} are ignored
     * @param defaultServerId the server id when {@value SettingKeys#SERVER_ID} is not set
     * @param environment looks up environment variables for {@code ${env:NAME}}
     * @throws IllegalArgumentException naming key, value and expected form for an unknown key or a bad value
     */
    public static BroadcasterSettings parse(
            Map<String, String> raw, String defaultServerId, UnaryOperator<String> environment) {
        SettingValues values = new SettingValues(raw, ALL, "expected one of " + String.join(", ", ALL), environment);
        Optional<BrokerUri> uri = values.optionalText(URI).map(value -> BrokerUri.parse(URI, value));
        uri.ifPresent(given -> URI_EXCLUSIVE.stream()
                .filter(values::isSet)
                .findFirst()
                .ifPresent(key -> {
                    throw new IllegalArgumentException(URI + "=["
                            + BrokerUri.redact(values.optionalText(URI).orElseThrow())
                            + "]: expected either " + URI + " or " + String.join("/", URI_EXCLUSIVE) + ", not both ("
                            + key + " is set too)");
                }));
        boolean ssl = values.bool(SSL, uri.map(BrokerUri::tls).orElse(false));
        if (uri.isPresent() && uri.get().tls() && !ssl) {
            throw SettingValues.refused(SSL, "false", "true or no " + SSL + " with an amqps:// " + URI);
        }
        if (!ssl) {
            TLS_KEYS.stream().filter(values::isSet).findFirst().ifPresent(key -> {
                throw new IllegalArgumentException(key + ": takes effect only with " + SSL + "=true or an amqps:// "
                        + URI + "; set " + SSL + "=true or remove " + key);
            });
        }
        int port = uri.map(given -> given.address().port())
                .orElseGet(() -> values.intInRange(PORT, ssl ? 5671 : 5672, 1, 65535));
        Optional<String> hostname = uri.map(given -> given.address().host()).or(() -> values.optionalText(HOSTNAME));
        List<BrokerAddress> brokers = uri.map(given -> List.of(given.address()))
                .orElseGet(() -> hostname.map(hosts -> BrokerAddress.parseList(HOSTNAME, hosts, port))
                        .orElse(List.of()));
        return new BroadcasterSettings(
                hostname,
                uri.flatMap(BrokerUri::username).orElseGet(() -> values.text(USERNAME, "guest")),
                uri.flatMap(BrokerUri::password).orElseGet(() -> values.text(PASSWORD, "guest")),
                uri.map(BrokerUri::virtualHost).orElseGet(() -> values.text(VIRTUALHOST, "/")),
                port,
                values.milliseconds(CONNECTION_TIMEOUT, 60_000),
                values.milliseconds(HANDSHAKE_TIMEOUT, 10_000),
                values.milliseconds(SHUTDOWN_TIMEOUT, 10_000),
                values.milliseconds(RPC_TIMEOUT, 600_000),
                values.token(SERVER_ID, defaultServerId),
                values.exchange(EXCHANGE, DEFAULT_EXCHANGE),
                values.intInRange(DELIVERY_THREADS, 8, 1, 256),
                values.intInRange(LISTENER_QUEUE, 10_000, 1, Integer.MAX_VALUE),
                brokers,
                values.intInRange(HEARTBEAT, 30, 0, 65535),
                ssl ? Optional.of(TlsSettings.parse(values)) : Optional.empty(),
                values.optionalText(QUEUE_TYPE)
                        .map(value -> QueueType.parse(QUEUE_TYPE, value))
                        .orElse(QueueType.CLASSIC),
                values.milliseconds(QUEUE_EXPIRY, 3_600_000, 60_000, Integer.MAX_VALUE),
                values.intInRange(OUTBOX_SIZE, 10_000, 1, Integer.MAX_VALUE),
                values.intInRange(MAX_MESSAGE_SIZE, 1_048_576, 1_024, 134_217_728),
                values.milliseconds(STARTUP_TIMEOUT, 300_000));
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
            if (!APPLICATION_KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        key + ": a web application's WEB-INF/warcast.properties may set only "
                                + String.join(", ", APPLICATION_KEYS)
                                + "; set the other keys in the server's warcast.properties");
            }
            scoped.put(key, value);
        });
        SettingValues values = new SettingValues(scoped, APPLICATION_KEYS, "", environment);
        return values.exchange(EXCHANGE, exchange);
    }

    /** Every setting as {@code key=value}, the password masked, for the log. */
    public String describe() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(HOSTNAME, brokers.isEmpty() ? NONE : hostname.orElseThrow());
        shown.put(USERNAME, username);
        shown.put(PASSWORD, secret(password));
        shown.put(VIRTUALHOST, virtualHost);
        shown.put(PORT, port);
        shown.put(CONNECTION_TIMEOUT, connectionTimeoutMs);
        shown.put(HANDSHAKE_TIMEOUT, handshakeTimeoutMs);
        shown.put(SHUTDOWN_TIMEOUT, shutdownTimeoutMs);
        shown.put(RPC_TIMEOUT, rpcTimeoutMs);
        shown.put(SERVER_ID, serverId);
        shown.put(EXCHANGE, exchange);
        shown.put(DELIVERY_THREADS, deliveryThreads);
        shown.put(LISTENER_QUEUE, listenerQueue);
        shown.put(URI, brokers.isEmpty() ? NONE : effectiveUri());
        shown.put(HEARTBEAT, heartbeatSeconds);
        shown.put(SSL, tls.isPresent());
        describeStore(shown, SSL_TRUSTSTORE, tls.flatMap(TlsSettings::trustStore), "<JVM default>");
        describeStore(shown, SSL_KEYSTORE, tls.flatMap(TlsSettings::keyStore), NONE);
        shown.put(SSL_VERIFY_HOSTNAME, tls.map(TlsSettings::verifyHostname).orElse(true));
        shown.put(QUEUE_TYPE, queueType.argument());
        shown.put(QUEUE_EXPIRY, queueExpiryMs);
        shown.put(OUTBOX_SIZE, outboxSize);
        shown.put(MAX_MESSAGE_SIZE, maxMessageSize);
        shown.put(STARTUP_TIMEOUT, startupTimeoutMs);
        return shown.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Shows a store's path, password (masked) and type under {@code pathKey}, {@code pathKey + "password"}… */
    private static void describeStore(
            Map<String, Object> shown, String pathKey, Optional<TlsSettings.StoreFile> store, String none) {
        shown.put(pathKey, store.map(file -> file.path().toString()).orElse(none));
        shown.put(
                pathKey + "password",
                secret(store.map(TlsSettings.StoreFile::password).orElse("")));
        shown.put(pathKey + "type", store.map(TlsSettings.StoreFile::type).orElse("-"));
    }

    /** A secret for the log: masked when set, so that an unset one does not look set. */
    private static String secret(String value) {
        return value.isEmpty() ? NONE : MASK;
    }

    /** The broker in the form of {@value SettingKeys#URI}, the password masked: whichever keys set it. */
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
