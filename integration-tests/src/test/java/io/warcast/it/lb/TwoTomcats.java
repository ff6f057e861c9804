package io.warcast.it.lb;

import io.warcast.harness.TomcatNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Servers A ({@code jvmRoute} node-a) and B (node-b) for a load balancer: real Tomcats from the distribution with the
 * Warcast bundle, local-only, each with the sample deployed as {@code ROOT##001}. Registered as a static JUnit
 * extension, it starts them before the test class and stops them after it, however the tests end.
 */
final class TwoTomcats implements BeforeAllCallback, AfterAllCallback {

    static final String A = "node-a";
    static final String B = "node-b";
    static final Path BUNDLE = Path.of(System.getProperty("warcast.it.bundle"));

    /** What an operator changes on a node before the application is deployed. */
    interface Setup {
        void configure(TomcatNode node) throws IOException;
    }

    private final Path work;
    private final Setup setup;
    private final List<TomcatNode> nodes = new ArrayList<>();

    /** A and B under {@code target/fleet/<workName>}; {@code setup} runs on each before the deployment. */
    TwoTomcats(String workName, Setup setup) {
        this.work =
                Path.of(System.getProperty("warcast.it.work", "target/fleet")).resolve(workName);
        this.setup = setup;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path home = Path.of(System.getProperty("warcast.it.tomcat.home"));
        Path war = Path.of(System.getProperty("warcast.it.sample.war"));
        for (String route : List.of(A, B)) {
            TomcatNode node = TomcatNode.start(home, BUNDLE, work, route, "");
            nodes.add(node);
            setup.configure(node);
            node.deploySample("001", war);
        }
    }

    TomcatNode a() {
        return nodes.get(0);
    }

    TomcatNode b() {
        return nodes.get(1);
    }

    /** Where the Tomcats' bases are, and where the load balancer's configuration goes. */
    Path work() {
        return work;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        nodes.forEach(TomcatNode::close);
        nodes.clear();
    }
}
