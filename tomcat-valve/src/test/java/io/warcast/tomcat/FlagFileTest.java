package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagFileTest {

    @TempDir
    Path dir;

    @Test
    void actsWhenTheFileAppearsAndWhenItDisappearsAndOtherwiseSaysNothing() throws Exception {
        FlagFile flag = new FlagFile(dir.resolve("warcast.maintenance"));

        assertThat(flag.look()).as("absent at the first look: nothing to do").isEmpty();
        Files.createFile(flag.path());
        assertThat(flag.look()).as("touched").contains(true);
        assertThat(flag.look())
                .as("still there: no news, so JMX may switch off meanwhile")
                .isEmpty();
        Files.delete(flag.path());
        assertThat(flag.look()).as("removed").contains(false);
        assertThat(flag.look()).isEmpty();
    }

    @Test
    void aFileThatIsThereAtTheFirstLookSwitchesOn() throws Exception {
        FlagFile flag = new FlagFile(Files.createFile(dir.resolve("warcast.maintenance")));

        assertThat(flag.look()).isEqualTo(Optional.of(true));
    }
}
