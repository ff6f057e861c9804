package io.warcast.broadcast.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BroadcasterSettingsTest {

    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    private static BroadcasterSettings parse(Map<String, String> raw) {
        return BroadcasterSettings.parse(raw, "tomcat-a", NO_ENVIRONMENT);
    }

    @Test
    void anEmptyFileGivesTheDocumentedDefaults() {
        BroadcasterSettings settings = parse(Map.of());

        assertThat(settings.hostname()).isEmpty();
        assertThat(settings.username()).isEqualTo("guest");
        assertThat(settings.password()).isEqualTo("guest");
        assertThat(settings.virtualHost()).isEqualTo("/");
        assertThat(settings.port()).isEqualTo(5672);
        assertThat(settings.connectionTimeoutMs()).isEqualTo(60_000);
        assertThat(settings.handshakeTimeoutMs()).isEqualTo(10_000);
        assertThat(settings.shutdownTimeoutMs()).isEqualTo(10_000);
        assertThat(settings.rpcTimeoutMs()).isEqualTo(600_000);
        assertThat(settings.serverId()).isEqualTo("tomcat-a");
        assertThat(settings.exchange()).isEqualTo("warcast");
        assertThat(settings.deliveryThreads()).isEqualTo(8);
        assertThat(settings.listenerQueue()).isEqualTo(10_000);
        assertThat(settings.trustedPublishers()).as("any broker user").isEmpty();
    }

    @Test
    void trustedPublishersAreACommaList() {
        BroadcasterSettings settings =
                parse(Map.of("amqpbroadcast.trustedpublishers", "warcast-node-a, warcast-node-b ,pricing-svc"));

        assertThat(settings.trustedPublishers()).containsExactly("warcast-node-a", "warcast-node-b", "pricing-svc");
        assertThat(settings.describe())
                .contains("amqpbroadcast.trustedpublishers=warcast-node-a,warcast-node-b,pricing-svc");
    }

    @Test
    void explicitValuesWinAndOtherPrefixesAreIgnored() {
        BroadcasterSettings settings = parse(Map.of(
                "amqpbroadcast.hostname", "rabbit1",
                "amqpbroadcast.serverid", "node-7",
                "amqpbroadcast.port", " 5673 ",
                "amqpbroadcast.deliverythreads", "2",
                "amqpbroadcast.exchange", "shop.changes",
                "warcast.maintenance", "anything"));

        assertThat(settings.hostname()).contains("rabbit1");
        assertThat(settings.serverId()).isEqualTo("node-7");
        assertThat(settings.port()).isEqualTo(5673);
        assertThat(settings.deliveryThreads()).isEqualTo(2);
        assertThat(settings.exchange()).isEqualTo("shop.changes");
    }

    @ParameterizedTest(name = "{0}=[{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "amqpbroadcast.connectiontimeout | abc | expected a whole number of milliseconds, 0 or more",
                "amqpbroadcast.handshaketimeout  | -1  | expected a whole number of milliseconds, 0 or more",
                "amqpbroadcast.shutdowntimeout   | 1.5 | expected a whole number of milliseconds, 0 or more",
                "amqpbroadcast.rpctimeout        | ten | expected a whole number of milliseconds, 0 or more",
                "amqpbroadcast.port              | 0   | expected a whole number from 1 to 65535",
                "amqpbroadcast.port              | 70000 | expected a whole number from 1 to 65535",
                "amqpbroadcast.deliverythreads   | 257 | expected a whole number from 1 to 256",
                "amqpbroadcast.deliverythreads   | 0   | expected a whole number from 1 to 256",
                "amqpbroadcast.listenerqueue     | 0   | expected a whole number, 1 or more",
                "amqpbroadcast.exchange          | amq.topic | expected an exchange name",
                "amqpbroadcast.exchange          | my exchange | expected an exchange name",
                "amqpbroadcast.serverid          | node 1 | expected a name without spaces",
                "amqpbroadcast.trustedpublishers | 'warcast-a,,warcast-b' | expected a comma list of broker user names",
                "amqpbroadcast.trustedpublishers | 'warcast-a,' | expected a comma list of broker user names",
            })
    void aBadValueIsRefusedNamingKeyValueAndExpectedForm(String key, String value, String expected) {
        assertThatThrownBy(() -> parse(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key + "=[" + value + "]: ")
                .hasMessageContaining(expected);
    }

    @Test
    void anEmptyValueIsRefused() {
        assertThatThrownBy(() -> parse(Map.of("amqpbroadcast.username", " ")))
                .hasMessage("amqpbroadcast.username=[]: expected a value that is not empty; remove the line to use"
                        + " the default");
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKnownKeysAndWithoutItsValue() {
        assertThatThrownBy(() -> parse(Map.of("amqpbroadcast.pasword", "hunter2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("amqpbroadcast.pasword=[****]: unknown key; expected one of")
                .hasMessageContaining("amqpbroadcast.password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void environmentReferencesAreResolved() {
        UnaryOperator<String> environment = Map.of("RABBIT_PASSWORD", "s3cret", "RABBIT_PORT", "5999")::get;

        BroadcasterSettings settings = BroadcasterSettings.parse(
                Map.of(
                        "amqpbroadcast.password", "${env:RABBIT_PASSWORD}",
                        "amqpbroadcast.port", "${env:RABBIT_PORT}",
                        "amqpbroadcast.virtualhost", "/shop-${env:RABBIT_PORT}"),
                "tomcat-a",
                environment);

        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.port()).isEqualTo(5999);
        assertThat(settings.virtualHost()).isEqualTo("/shop-5999");
    }

    @Test
    void anUndefinedEnvironmentVariableIsNamedWithItsKey() {
        assertThatThrownBy(() -> parse(Map.of("amqpbroadcast.username", "${env:RABBIT_USER}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("amqpbroadcast.username=[${env:RABBIT_USER}]: ")
                .hasMessageContaining("environment variable [RABBIT_USER] is not defined");
    }

    @Test
    void aMalformedReferenceIsRefused() {
        assertThatThrownBy(() -> parse(Map.of("amqpbroadcast.username", "${env:RABBIT-USER}")))
                .hasMessageContaining("amqpbroadcast.username=[${env:RABBIT-USER}]: expected ${env:NAME}");
    }

    @Test
    void thePasswordNeverAppearsInMessagesOrTheLogLine() {
        assertThatThrownBy(() -> parse(Map.of("amqpbroadcast.password", "${env:hunter2")))
                .hasMessageContaining("amqpbroadcast.password=[****]")
                .hasMessageNotContaining("hunter2");

        BroadcasterSettings settings = parse(Map.of("amqpbroadcast.password", "hunter2"));
        assertThat(settings.describe()).contains("amqpbroadcast.password=****").doesNotContain("hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2");
    }

    @Test
    void anUnsetSecretShowsAsNoneASetOneMasked(@TempDir Path dir) throws IOException {
        Path trustStore = Files.createFile(dir.resolve("trust.p12"));
        Path keyStore = Files.createFile(dir.resolve("client.p12"));
        String line = parse(Map.of(
                        "amqpbroadcast.ssl",
                        "true",
                        "amqpbroadcast.ssl.truststore",
                        trustStore.toString(),
                        "amqpbroadcast.ssl.truststorepassword",
                        "hunter2",
                        "amqpbroadcast.ssl.keystore",
                        keyStore.toString()))
                .describe();

        assertThat(line)
                .as("a trust store password that is set is masked")
                .contains("amqpbroadcast.ssl.truststorepassword=****,")
                .doesNotContain("hunter2");
        assertThat(line)
                .as("a key store without a password does not look as if it had one")
                .contains("amqpbroadcast.ssl.keystorepassword=<none>,");
        assertThat(parse(Map.of()).describe())
                .as("without TLS neither store has a password")
                .contains("amqpbroadcast.ssl.truststorepassword=<none>,", "amqpbroadcast.ssl.keystorepassword=<none>,")
                .contains("amqpbroadcast.password=****,");
    }

    @Test
    void theLogLineNamesEverySetting() {
        String line = parse(Map.of()).describe();

        java.util.stream.Stream.of(Setting.values())
                .forEach(key -> assertThat(line).contains(key + "="));
        assertThat(line).contains("amqpbroadcast.hostname=<none>");
    }

    @Test
    void anApplicationMayChooseItsExchange() {
        BroadcasterSettings server = parse(Map.of());

        assertThat(server.exchangeFor(Map.of(), NO_ENVIRONMENT)).isEqualTo("warcast");
        assertThat(server.exchangeFor(Map.of("amqpbroadcast.exchange", "shop"), NO_ENVIRONMENT))
                .isEqualTo("shop");
        assertThat(server.exchangeFor(Map.of("amqpbroadcast.exchange", "${env:EX}"), Map.of("EX", "x1")::get))
                .isEqualTo("x1");
    }

    @Test
    void anApplicationMayNotSetOtherKeys() {
        BroadcasterSettings server = parse(Map.of());

        assertThatThrownBy(() -> server.exchangeFor(Map.of("amqpbroadcast.hostname", "rabbit1"), NO_ENVIRONMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("amqpbroadcast.hostname: ")
                .hasMessageContaining("may set only amqpbroadcast.exchange");
        assertThatThrownBy(() -> server.exchangeFor(Map.of("amqpbroadcast.exchange", "amq.x"), NO_ENVIRONMENT))
                .hasMessageStartingWith("amqpbroadcast.exchange=[amq.x]: expected an exchange name");
    }

    @Test
    void aClusterHostListIsKeptAsWritten() {
        assertThat(parse(Map.of("amqpbroadcast.hostname", "h1:5672,h2")).hostname())
                .isEqualTo(Optional.of("h1:5672,h2"));
    }
}
