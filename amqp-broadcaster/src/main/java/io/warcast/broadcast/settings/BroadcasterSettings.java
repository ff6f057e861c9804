package io.warcast.broadcast.settings;

import static io.warcast.broadcast.settings.SettingKeys.*;

import java.util.LinkedHashMap;
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
 * @param shutdownTimeoutMs how long stopping waits for busy listeners and consumers, in milliseconds
 * @param rpcTimeoutMs channel RPC time limit in milliseconds
 * @param deliveryThreads the threads that call every listener of this server
 * @param listenerQueue how many events one listener may have waiting before further ones are dropped
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
        int listenerQueue) {

    public static final String DEFAULT_EXCHANGE = "warcast";

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
        return new BroadcasterSettings(
                values.optionalText(HOSTNAME),
                values.text(USERNAME, "guest"),
                values.text(PASSWORD, "guest"),
                values.text(VIRTUALHOST, "/"),
                values.intInRange(PORT, 5672, 1, 65535),
                values.milliseconds(CONNECTION_TIMEOUT, 60_000),
                values.milliseconds(HANDSHAKE_TIMEOUT, 10_000),
                values.milliseconds(SHUTDOWN_TIMEOUT, 10_000),
                values.milliseconds(RPC_TIMEOUT, 600_000),
                values.token(SERVER_ID, defaultServerId),
                values.exchange(EXCHANGE, DEFAULT_EXCHANGE),
                values.intInRange(DELIVERY_THREADS, 8, 1, 256),
                values.intInRange(LISTENER_QUEUE, 10_000, 1, Integer.MAX_VALUE));
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
        shown.put(HOSTNAME, hostname.orElse("<none>"));
        shown.put(USERNAME, username);
        shown.put(PASSWORD, MASK);
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
        return shown.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return describe();
    }
}
