package io.warcast.broadcast.settings;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The keys of {@code warcast.properties} that the broadcaster reads, all under {@value #PREFIX}: each with what it
 * expects, its default and whether it is a secret. Parsing, the refusals, the unknown-key message and the line of
 * effective settings follow from this list; {@code docs/settings.md} and the bundle's commented
 * {@code conf/warcast.properties} name exactly these keys (a test holds them to it). The constants are in the order
 * the effective settings are logged; {@link #toString()} is the key.
 */
public enum Setting {
    HOSTNAME("hostname", Form.hosts(), null),
    USERNAME("username", Form.text(), "guest"),
    PASSWORD("password", Form.secretText(), "guest"),
    VIRTUALHOST("virtualhost", Form.text(), "/"),
    /** 5671 instead with TLS. */
    PORT("port", Form.count(1, 65535), 5672),
    CONNECTION_TIMEOUT("connectiontimeout", Form.milliseconds(), 60_000L),
    HANDSHAKE_TIMEOUT("handshaketimeout", Form.milliseconds(), 10_000L),
    SHUTDOWN_TIMEOUT("shutdowntimeout", Form.milliseconds(), 10_000L),
    RPC_TIMEOUT("rpctimeout", Form.milliseconds(), 600_000L),
    /** Without a default here: the container's id (Tomcat's jvmRoute), else the host name. */
    SERVER_ID("serverid", Form.token(), null),
    EXCHANGE("exchange", Form.exchange(), "warcast"),
    DELIVERY_THREADS("deliverythreads", Form.count(1, 256), 8),
    LISTENER_QUEUE("listenerqueue", Form.count(1, Integer.MAX_VALUE), 10_000),
    URI("uri", Form.uri(), null),
    HEARTBEAT("heartbeat", Form.count(0, 65535), 30),
    /** True instead with an {@code amqps://} URI. */
    SSL("ssl", Form.flag(), false),
    SSL_TRUSTSTORE("ssl.truststore", Form.storeFile(), null),
    SSL_TRUSTSTORE_PASSWORD("ssl.truststorepassword", Form.secretText(), ""),
    SSL_TRUSTSTORE_TYPE("ssl.truststoretype", Form.storeType(), null),
    SSL_KEYSTORE("ssl.keystore", Form.storeFile(), null),
    SSL_KEYSTORE_PASSWORD("ssl.keystorepassword", Form.secretText(), ""),
    SSL_KEYSTORE_TYPE("ssl.keystoretype", Form.storeType(), null),
    SSL_VERIFY_HOSTNAME("ssl.verifyhostname", Form.flag(), true),
    QUEUE_TYPE("queuetype", Form.oneOf("classic", "quorum"), "classic"),
    QUEUE_EXPIRY("queueexpiry", Form.milliseconds(60_000, Integer.MAX_VALUE), 3_600_000L),
    OUTBOX_SIZE("outboxsize", Form.count(1, Integer.MAX_VALUE), 10_000),
    MAX_MESSAGE_SIZE("maxmessagesize", Form.count(1_024, 134_217_728), 1_048_576),
    STARTUP_TIMEOUT("startuptimeout", Form.milliseconds(), 300_000L),
    /** Without a default: messages of any broker user are delivered. */
    TRUSTED_PUBLISHERS("trustedpublishers", Form.names(), null);

    public static final String PREFIX = "amqpbroadcast.";

    public static final String MASK = "****";

    /** The keys that {@link #URI} replaces: setting one of them as well is refused. */
    public static final List<Setting> URI_EXCLUSIVE = List.of(HOSTNAME, USERNAME, PASSWORD, PORT, VIRTUALHOST);

    /** The keys a web application may set in its own {@code WEB-INF/warcast.properties}. */
    public static final Set<Setting> APPLICATION_KEYS = EnumSet.of(EXCHANGE);

    private final String key;
    private final Form form;
    private final Object defaultValue;

    Setting(String name, Form form, Object defaultValue) {
        this.key = PREFIX + name;
        this.form = form;
        this.defaultValue = defaultValue;
    }

    /** The key in {@code warcast.properties}, such as {@code amqpbroadcast.hostname}. */
    public String key() {
        return key;
    }

    /** What a value must look like, as a refusal says it: {@code amqpbroadcast.port=[abc]: expected …}. */
    public String expected() {
        return form.expected();
    }

    /** True for a value that never appears in a message or the log; a URI may hold a password. */
    public boolean secret() {
        return form.secret();
    }

    /** The value when the key is not set, where it does not depend on other settings. */
    Optional<Object> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    Form form() {
        return form;
    }

    /** The TLS keys, which take effect only with {@link #SSL}{@code =true} or an {@code amqps://} URI. */
    static List<Setting> tlsKeys() {
        return Stream.of(values())
                .filter(setting -> setting.key.startsWith(SSL.key + "."))
                .toList();
    }

    static Optional<Setting> byKey(String key) {
        return Stream.of(values()).filter(setting -> setting.key.equals(key)).findFirst();
    }

    /** Every key, comma separated, for the message that refuses an unknown one. */
    static String allKeys() {
        return String.join(", ", Stream.of(values()).map(Setting::key).toList());
    }

    @Override
    public String toString() {
        return key;
    }

    /**
     * What a setting's value must be, in the words a refusal uses for it.
     *
     * @param minimum the smallest whole number allowed; for a whole number only
     * @param maximum the largest; for a whole number only
     */
    record Form(String expected, boolean secret, long minimum, long maximum) {

        static final String NOT_EMPTY = "a value that is not empty; remove the line to use the default";

        static Form text() {
            return new Form(NOT_EMPTY, false, 0, 0);
        }

        static Form hosts() {
            return new Form(BrokerAddress.EXPECTED, false, 0, 0);
        }

        static Form secretText() {
            return new Form(NOT_EMPTY, true, 0, 0);
        }

        static Form token() {
            return new Form("a name without spaces", false, 0, 0);
        }

        static Form exchange() {
            return new Form(
                    "an exchange name of 1 to 255 letters, digits, '-', '_', '.' or ':', not starting with 'amq.'",
                    false,
                    0,
                    0);
        }

        static Form names() {
            return new Form("a comma list of broker user names, such as warcast-a,warcast-b", false, 0, 0);
        }

        static Form flag() {
            return new Form("true or false", false, 0, 0);
        }

        static Form count(int minimum, int maximum) {
            String expected = maximum == Integer.MAX_VALUE
                    ? "a whole number, " + minimum + " or more"
                    : "a whole number from " + minimum + " to " + maximum;
            return new Form(expected, false, minimum, maximum);
        }

        static Form milliseconds() {
            return new Form("a whole number of milliseconds, 0 or more", false, 0, Long.MAX_VALUE);
        }

        static Form milliseconds(long minimum, long maximum) {
            return new Form(
                    "a whole number of milliseconds from " + minimum + " to " + maximum, false, minimum, maximum);
        }

        static Form oneOf(String... choices) {
            return new Form(String.join(" or ", choices), false, 0, 0);
        }

        static Form uri() {
            return new Form(BrokerUri.EXPECTED, true, 0, 0);
        }

        static Form storeFile() {
            return new Form("the path of a readable key store file", false, 0, 0);
        }

        static Form storeType() {
            return new Form("a key store type of this JVM, such as PKCS12 or JKS", false, 0, 0);
        }
    }
}
