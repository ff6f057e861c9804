package io.warcast.broadcast.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warcast.api.spi.ServerEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path conf;

    private ServerEnvironment environmentWithConf() {
        return new ServerEnvironment(Optional.empty(), Optional.of(conf));
    }

    @Test
    void readsWarcastPropertiesFromTheConfigurationDirectory() throws IOException {
        Files.writeString(conf.resolve("warcast.properties"), "amqpbroadcast.exchange = shop\nother=1\n");

        SettingsFile file = SettingsFile.locate(environmentWithConf(), null);

        assertThat(file.entries())
                .containsEntry("amqpbroadcast.exchange", "shop")
                .containsEntry("other", "1");
        assertThat(file.source())
                .isEqualTo(conf.resolve("warcast.properties").toAbsolutePath().toString());
    }

    @Test
    void noFileInTheConfigurationDirectoryMeansDefaults() {
        SettingsFile file = SettingsFile.locate(environmentWithConf(), null);

        assertThat(file.entries()).isEmpty();
        assertThat(file.source())
                .contains("no " + conf.resolve("warcast.properties"))
                .contains("all defaults");
    }

    @Test
    void noConfigurationDirectoryMeansDefaults() {
        SettingsFile file = SettingsFile.locate(new ServerEnvironment(Optional.empty(), Optional.empty()), "  ");

        assertThat(file.entries()).isEmpty();
        assertThat(file.source()).contains("all defaults");
    }

    @Test
    void theSystemPropertyWinsOverTheConfigurationDirectory() throws IOException {
        Files.writeString(conf.resolve("warcast.properties"), "amqpbroadcast.exchange=fromconf\n");
        Path elsewhere = Files.writeString(conf.resolve("other.properties"), "amqpbroadcast.exchange=fromproperty\n");

        SettingsFile file = SettingsFile.locate(environmentWithConf(), elsewhere.toString());

        assertThat(file.entries()).containsEntry("amqpbroadcast.exchange", "fromproperty");
        assertThat(file.source()).contains("other.properties").contains("-Dwarcast.config");
    }

    @Test
    void aMissingFileNamedByTheSystemPropertyIsAnErrorNamingThePath() {
        String missing = conf.resolve("nope.properties").toString();

        assertThatThrownBy(() -> SettingsFile.locate(environmentWithConf(), missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("-Dwarcast.config=[" + missing + "]: no such file");
    }
}
