package io.warcast.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcastProvidersTest {

    @TempDir
    Path classPath;

    @Test
    void loadsTheOneProviderInstalled() throws IOException {
        assertThat(WarcastProviders.load(installed(First.class.getName()), null))
                .isInstanceOf(First.class);
    }

    @Test
    void noProviderSaysWhatWasLookedForAndWhatToDo() throws IOException {
        assertThatThrownBy(() -> WarcastProviders.load(installed(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No Warcast provider found: no usable"
                        + " META-INF/services/io.warcast.api.spi.WarcastProvider on the server's class path."
                        + " Applications asking for their DataNotifyService will get an IllegalStateException and"
                        + " no change will be broadcast. Unzip the Warcast distribution over $CATALINA_BASE so that"
                        + " $CATALINA_BASE/lib holds plugin-api, amqp-broadcaster and their dependencies (see the"
                        + " README, section \"Install\").");
    }

    @Test
    void aBrokenProviderIsSkippedAndReported() throws IOException {
        ClassLoader loader = installed("com.example.Missing", First.class.getName());

        assertThat(WarcastProviders.load(loader, null)).isInstanceOf(First.class);
        assertThatThrownBy(() -> WarcastProviders.load(installed("com.example.Missing"), null))
                .hasMessageContaining("skipped, could not be loaded")
                .hasMessageContaining("com.example.Missing");
    }

    @Test
    void severalProvidersNeedAChoice() throws IOException {
        ClassLoader loader = installed(First.class.getName(), Second.class.getName());

        assertThatThrownBy(() -> WarcastProviders.load(loader, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(First.class.getName())
                .hasMessageContaining(Second.class.getName())
                .hasMessageContaining("-Dwarcast.provider=<class name>");
        assertThat(WarcastProviders.load(loader, Second.class.getName())).isInstanceOf(Second.class);
    }

    @Test
    void aChosenProviderThatIsMissingIsAnError() throws IOException {
        assertThatThrownBy(() -> WarcastProviders.load(installed(First.class.getName()), "com.example.Other"))
                .hasMessageStartingWith("The Warcast provider [com.example.Other] chosen by -Dwarcast.provider is"
                        + " not installed; found [" + First.class.getName() + "]");
    }

    private ClassLoader installed(String... providerClasses) throws IOException {
        Path serviceFile = classPath.resolve(WarcastProviders.SERVICE_FILE);
        Files.createDirectories(serviceFile.getParent());
        Files.writeString(serviceFile, String.join("\n", providerClasses) + "\n");
        return new URLClassLoader(
                new URL[] {classPath.toUri().toURL()}, getClass().getClassLoader());
    }

    public static class First implements WarcastProvider {
        @Override
        public String name() {
            return "first";
        }

        @Override
        public void start(ServerEnvironment environment) {}

        @Override
        public Participation join(ParticipantSpec participant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stop() {}
    }

    public static class Second extends First {}
}
