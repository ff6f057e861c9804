package io.warcast.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    @TempDir
    Path work;

    @Test
    void startsInItsOwnJvmSpeaksAmqpAndStopsWhenClosed() {
        Path jar = Path.of(System.getProperty(EmbeddedBroker.JAR_PROPERTY));
        BrokerEndpoint endpoint;
        try (EmbeddedBroker broker = EmbeddedBroker.start(jar, work, Duration.ofSeconds(90))) {
            endpoint = broker.endpoint();
            assertThat(endpoint.kind()).isEqualTo(BrokerEndpoint.Kind.EMBEDDED_QPID);
            assertThat(AmqpProbe.answers(endpoint.host(), endpoint.port()))
                    .as("the embedded broker answers the AMQP 0-9-1 header; log: %s", broker.logLines())
                    .isTrue();
        }
        assertThat(AmqpProbe.answers(endpoint.host(), endpoint.port()))
                .as("nothing answers once the broker is closed")
                .isFalse();
    }

    @Test
    void aPortWithoutAmqpIsNotTakenForABroker() throws Exception {
        try (var notAmqp = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(AmqpProbe.answers("127.0.0.1", notAmqp.getLocalPort())).isFalse();
        }
    }
}
