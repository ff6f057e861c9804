package io.warcast.broadcast.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The broker as one line, {@code amqp[s]://user:pass@host:port/vhost}: user, password, port and virtual host may be
 * left out (guest, guest, 5672 or 5671 with {@code amqps}, {@code /}); {@code %2F} in the virtual host is a slash.
 */
record BrokerUri(
        BrokerAddress address, Optional<String> username, Optional<String> password, String virtualHost, boolean tls) {

    static final String EXPECTED =
            "amqp://user:password@host:port/vhost or amqps://… (user, password, port and vhost may be left out)";

    /** @throws IllegalArgumentException naming the key and the value, its password masked */
    static BrokerUri parse(Setting key, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw refused(key, value);
        }
        String scheme = uri.getScheme();
        boolean tls = "amqps".equalsIgnoreCase(scheme);
        if (!tls && !"amqp".equalsIgnoreCase(scheme) || uri.getHost() == null || uri.getQuery() != null) {
            throw refused(key, value);
        }
        int port = uri.getPort() == -1 ? (tls ? 5671 : 5672) : uri.getPort();
        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String rawVirtualHost = path.substring(1);
        if (rawVirtualHost.contains("/")) {
            throw refused(key, value);
        }
        String virtualHost = rawVirtualHost.isEmpty() ? "/" : decode(rawVirtualHost);
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new BrokerUri(new BrokerAddress(host, port), username, password, virtualHost, tls);
    }

    /** The URI with its password masked, for messages and the log. */
    static String redact(String value) {
        return value.replaceFirst("^([A-Za-z]+://[^:@/]*:)[^@/]*@", "$1" + Setting.MASK + "@");
    }

    private static IllegalArgumentException refused(Setting key, String value) {
        return new IllegalArgumentException(key + "=[" + redact(value) + "]: expected " + EXPECTED);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
