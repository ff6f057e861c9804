package io.warcast.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With no broker configured, Warcast says so once, in Tomcat's own log, and starts without errors. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LocalOnlyIT {

    @Test
    void oneLogLineSaysWarcastRunsLocalOnly() throws IOException {
        List<String> lines = Files.readAllLines(TomcatUnderTest.base().catalinaLog());

        assertThat(lines)
                .as("lines of %s that say local-only", TomcatUnderTest.base().catalinaLog())
                .filteredOn(line -> line.contains("local-only"))
                .hasSize(1);
        assertThat(lines)
                .as("Warcast must start without errors")
                .noneMatch(line -> line.contains("SEVERE") && line.toLowerCase().contains("warcast"));
    }
}
