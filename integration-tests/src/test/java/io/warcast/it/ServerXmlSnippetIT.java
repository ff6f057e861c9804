package io.warcast.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the distribution tells operators to add to server.xml is what the tests run with: the Warcast lines of
 * the bundle's {@code conf/warcast-server.xml.txt} and of the harness's server.xml template are the same.
 */
class ServerXmlSnippetIT {

    @Test
    void theDistributionSnippetAndTheHarnessTemplateHaveTheSameListenerAndValveLines() throws IOException {
        Path snippet = Path.of(System.getProperty("warcast.it.bundle"), "conf/warcast-server.xml.txt");
        List<String> distribution = warcastLines(Files.readString(snippet, StandardCharsets.UTF_8));
        List<String> harness;
        try (InputStream in = io.warcast.harness.CatalinaBase.class.getResourceAsStream("server.xml")) {
            harness = warcastLines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        assertThat(distribution)
                .as("the Warcast lines of %s", snippet)
                .containsExactly(
                        "<Listener className=\"io.warcast.tomcat.WarcastLifecycleListener\"/>",
                        "<Valve className=\"io.warcast.tomcat.MaintenanceValve\" exemptPaths=\"/manager/*\"/>");
        assertThat(harness).as("the Warcast lines of the harness server.xml").isEqualTo(distribution);
    }

    private static List<String> warcastLines(String text) {
        return text.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("<") && line.contains("className=\"io.warcast."))
                .toList();
    }
}
