package io.warcast.broadcast;

import io.warcast.harness.BrokerAdmin;
import io.warcast.harness.BrokerEndpoint;
import io.warcast.harness.TestBrokers;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The broker of a test class ({@code @RegisterExtension static}): RabbitMQ when it answers, else the embedded Qpid
 * Broker-J, started once for the class and stopped after it; under {@code CI=true} RabbitMQ is required. Says which.
 */
final class TestBroker implements BeforeAllCallback, AfterAllCallback {

    private TestBrokers.Selection selection;
    private BrokerAdmin admin;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        selection = TestBrokers.select(Files.createTempDirectory("warcast-it-broker-"));
        admin = new BrokerAdmin(
                selection.endpoint().host(), selection.endpoint().port());
        System.out.println("[broker] " + context.getDisplayName() + " on "
                + selection.endpoint().describe());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        selection.close();
    }

    BrokerEndpoint endpoint() {
        return selection.endpoint();
    }

    BrokerAdmin admin() {
        return admin;
    }
}
