package io.warcast.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README shows the load-balancer configurations the bundle ships and the tests run, unchanged. */
class ReadmeTest {

    private static final Path ROOT = Path.of(System.getProperty("warcast.projectRoot", ".."));

    @ParameterizedTest
    @ValueSource(strings = {"haproxy.cfg", "nginx.conf"})
    void readmeHoldsTheShippedLoadBalancerConfigurationVerbatim(String file) throws IOException {
        String shipped =
                Files.readString(ROOT.resolve("distribution/src/bundle/conf/lb").resolve(file));
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(readme)
                .as("README.md must show conf/lb/%s exactly as shipped, in a fenced block", file)
                .contains("```\n" + shipped + "```\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.warcast.tomcat.WarcastLifecycleListener", "io.warcast.tomcat.MaintenanceValve"})
    void readmeAndTheBundleNameTheSameServerXmlLines(String className) throws IOException {
        List<String> bundleLines =
                Files.readAllLines(ROOT.resolve("distribution/src/bundle/conf/warcast-server.xml.txt"));
        String line = bundleLines.stream()
                .filter(text -> text.contains(className))
                .map(String::strip)
                .findFirst()
                .orElseThrow();

        assertThat(Files.readString(ROOT.resolve("README.md"))).contains(line);
    }
}
