package io.warcast.broadcast.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings of the AMQP link: broker list or URI, TLS, queue and outbox. */
class BrokerSettingsTest {

    @TempDir
    Path dir;

    private static BroadcasterSettings parse(Map<String, String> raw) {
        return BroadcasterSettings.parse(raw, "node-a", name -> null);
    }

    @Test
    void theDefaultsOfTheLink() {
        BroadcasterSettings settings = parse(Map.of("amqpbroadcast.hostname", "rabbit"));

        assertThat(settings.brokers()).containsExactly(new BrokerAddress("rabbit", 5672));
        assertThat(settings.heartbeatSeconds()).isEqualTo(30);
        assertThat(settings.tls()).isEmpty();
        assertThat(settings.queueType()).isEqualTo(QueueType.CLASSIC);
        assertThat(settings.queueExpiryMs()).isEqualTo(3_600_000);
        assertThat(settings.outboxSize()).isEqualTo(10_000);
        assertThat(settings.maxMessageSize()).isEqualTo(1_048_576);
        assertThat(parse(Map.of()).usesBroker()).isFalse();
    }

    @Test
    void aClusterListIsTriedInTurnWithItsOwnOrTheDefaultPort() {
        BroadcasterSettings settings =
                parse(Map.of("amqpbroadcast.hostname", "h1:5673, h2,[::1]:5674", "amqpbroadcast.port", "5700"));

        assertThat(settings.brokers())
                .containsExactly(
                        new BrokerAddress("h1", 5673), new BrokerAddress("h2", 5700), new BrokerAddress("::1", 5674));
        assertThat(settings.brokers().get(2)).hasToString("[::1]:5674");
    }

    @ParameterizedTest(name = "{0}=[{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "amqpbroadcast.hostname       | h1:abc     | expected a host name, or a comma list h1[:port],h2[:port]",
                "amqpbroadcast.hostname       | h1,,h2     | expected a host name, or a comma list h1[:port],h2[:port]",
                "amqpbroadcast.hostname       | h1:0       | expected a host name, or a comma list h1[:port],h2[:port]",
                "amqpbroadcast.heartbeat      | -1         | expected a whole number from 0 to 65535",
                "amqpbroadcast.ssl            | yes        | expected true or false",
                "amqpbroadcast.queuetype      | stream     | expected classic or quorum",
                "amqpbroadcast.queueexpiry    | 59999      | expected a whole number of milliseconds from 60000 to",
                "amqpbroadcast.outboxsize     | 0          | expected a whole number, 1 or more",
                "amqpbroadcast.maxmessagesize | 10         | expected a whole number from 1024 to 134217728",
                "amqpbroadcast.uri            | http://h/v | expected amqp://user:password@host:port/vhost",
            })
    void aBadValueIsRefusedNamingKeyValueAndExpectedForm(String key, String value, String expected) {
        assertThatThrownBy(() -> parse(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key + "=[" + value + "]: ")
                .hasMessageContaining(expected);
    }

    @Test
    void aUriSetsHostPortUserPasswordAndVirtualHost() {
        BroadcasterSettings settings =
                parse(Map.of("amqpbroadcast.uri", "amqp://shop:p%40ss@rabbit.example.org:5673/shop%2Fprod"));

        assertThat(settings.brokers()).containsExactly(new BrokerAddress("rabbit.example.org", 5673));
        assertThat(settings.username()).isEqualTo("shop");
        assertThat(settings.password()).isEqualTo("p@ss");
        assertThat(settings.virtualHost()).isEqualTo("shop/prod");
        assertThat(settings.tls()).isEmpty();
        assertThat(settings.describe())
                .contains("amqpbroadcast.uri=amqp://shop:****@rabbit.example.org:5673/shop/prod")
                .doesNotContain("p@ss");
    }

    @Test
    void anAmqpsUriUsesTlsOnPort5671AndTheDefaultVirtualHost() {
        BroadcasterSettings settings = parse(Map.of("amqpbroadcast.uri", "amqps://rabbit"));

        assertThat(settings.brokers()).containsExactly(new BrokerAddress("rabbit", 5671));
        assertThat(settings.virtualHost()).isEqualTo("/");
        assertThat(settings.username()).isEqualTo("guest");
        assertThat(settings.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.trustStore()).as("the JVM's default trust store").isEmpty();
            assertThat(tls.verifyHostname()).isTrue();
        });
    }

    @Test
    void aUriAndTheKeysItReplacesAreRefusedTogetherWithoutShowingThePassword() {
        assertThatThrownBy(() -> parse(
                        Map.of("amqpbroadcast.uri", "amqp://shop:hunter2@rabbit/shop", "amqpbroadcast.port", "5673")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amqpbroadcast.uri=[amqp://shop:****@rabbit/shop]: expected either amqpbroadcast.uri or"
                        + " amqpbroadcast.hostname/amqpbroadcast.username/amqpbroadcast.password/amqpbroadcast.port"
                        + "/amqpbroadcast.virtualhost, not both (amqpbroadcast.port is set too)");
        assertThatThrownBy(() -> parse(Map.of("amqpbroadcast.uri", "amqp://shop:hunter2@rabbit/a/b")))
                .hasMessageStartingWith("amqpbroadcast.uri=[amqp://shop:****@rabbit/a/b]: expected")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void tlsUsesPort5671AndItsStores() throws IOException {
        Path trustStore = Files.createFile(dir.resolve("trust.p12"));
        Map<String, String> raw = new HashMap<>();
        raw.put("amqpbroadcast.hostname", "rabbit");
        raw.put("amqpbroadcast.ssl", "true");
        raw.put("amqpbroadcast.ssl.truststore", trustStore.toString());
        raw.put("amqpbroadcast.ssl.truststorepassword", "hunter2");
        raw.put("amqpbroadcast.ssl.truststoretype", "JKS");
        raw.put("amqpbroadcast.ssl.verifyhostname", "false");

        BroadcasterSettings settings = parse(raw);

        assertThat(settings.brokers()).containsExactly(new BrokerAddress("rabbit", 5671));
        TlsSettings tls = settings.tls().orElseThrow();
        assertThat(tls.trustStore()).contains(new TlsSettings.StoreFile(trustStore, "hunter2", "JKS"));
        assertThat(tls.keyStore()).isEmpty();
        assertThat(tls.verifyHostname()).isFalse();
        assertThat(settings.describe()).doesNotContain("hunter2");
    }

    @Test
    void tlsStoresMustBeReadableFilesOfAKnownType() throws IOException {
        Path keyStore = Files.createFile(dir.resolve("client.p12"));
        assertThatThrownBy(() -> parse(Map.of(
                        "amqpbroadcast.ssl",
                        "true",
                        "amqpbroadcast.ssl.truststore",
                        dir.resolve("missing.p12").toString())))
                .hasMessageStartingWith("amqpbroadcast.ssl.truststore=[" + dir.resolve("missing.p12") + "]: ")
                .hasMessageContaining("expected the path of a readable key store file");
        assertThatThrownBy(() -> parse(Map.of(
                        "amqpbroadcast.ssl", "true",
                        "amqpbroadcast.ssl.keystore", keyStore.toString(),
                        "amqpbroadcast.ssl.keystoretype", "PEMX")))
                .hasMessageStartingWith("amqpbroadcast.ssl.keystoretype=[PEMX]: expected a key store type");
    }

    @Test
    void tlsKeysWithoutTlsAreRefused() {
        for (String key : List.of("amqpbroadcast.ssl.truststore", "amqpbroadcast.ssl.verifyhostname")) {
            assertThatThrownBy(() -> parse(Map.of(key, "x")))
                    .hasMessage(key + ": takes effect only with amqpbroadcast.ssl=true or an amqps://"
                            + " amqpbroadcast.uri; set amqpbroadcast.ssl=true or remove " + key);
        }
        assertThatThrownBy(() -> parse(Map.of("amqpbroadcast.uri", "amqps://rabbit", "amqpbroadcast.ssl", "false")))
                .hasMessageStartingWith("amqpbroadcast.ssl=[false]: expected true or no amqpbroadcast.ssl");
    }

    @Test
    void storePasswordsNeverAppearInMessages() {
        assertThatThrownBy(() -> parse(Map.of("amqpbroadcast.ssl.keystorepassword", "${env:hunter2")))
                .hasMessageContaining("amqpbroadcast.ssl.keystorepassword=[****]")
                .hasMessageNotContaining("hunter2");
    }
}
