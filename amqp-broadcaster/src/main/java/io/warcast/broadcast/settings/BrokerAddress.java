package io.warcast.broadcast.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One broker of the cluster: host and port.
 *
 * @param host a host name or IP address (an IPv6 address without brackets)
 * @param port the AMQP port
 */
public record BrokerAddress(String host, int port) {

    static final String EXPECTED = "a host name, or a comma list h1[:port],h2[:port] with ports from 1 to 65535";

    public BrokerAddress {
        Objects.requireNonNull(host, "host");
    }

    /**
     * Reads {@code h1[:port],h2[:port]}; {@code [::1]:5672} for IPv6.
     *
     * @param defaultPort the port of an entry that names none
     * @throws IllegalArgumentException naming the key, the value and the expected form
     */
    static List<BrokerAddress> parseList(Setting key, String value, int defaultPort) {
        List<BrokerAddress> addresses = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            addresses.add(parse(key, value, entry.trim(), defaultPort));
        }
        return List.copyOf(addresses);
    }

    private static BrokerAddress parse(Setting key, String value, String entry, int defaultPort) {
        String host = entry;
        String port = null;
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            if (end < 0) {
                throw SettingValues.refused(key, value);
            }
            host = entry.substring(1, end);
            String rest = entry.substring(end + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw SettingValues.refused(key, value);
                }
                port = rest.substring(1);
            }
        } else if (entry.indexOf(':') >= 0) {
            host = entry.substring(0, entry.indexOf(':'));
            port = entry.substring(entry.indexOf(':') + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')) {
            throw SettingValues.refused(key, value);
        }
        return new BrokerAddress(host, port == null ? defaultPort : parsePort(key, value, port));
    }

    private static int parsePort(Setting key, String value, String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw SettingValues.refused(key, value);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
