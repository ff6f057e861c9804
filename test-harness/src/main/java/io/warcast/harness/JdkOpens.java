package io.warcast.harness;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code --add-opens} options catalina.sh adds on Java 9+, so that Tomcat's leak prevention and detection can
 * do their work. The list is the parent pom's {@code warcast.jdk.opens}, which the tests' own JVMs get too; the build
 * writes it into this module's resources.
 */
public final class JdkOpens {

    public static final List<String> LIST = read();

    private JdkOpens() {}

    private static List<String> read() {
        String text = Files2.resource("jdk-opens.txt").strip();
        List<String> options = Arrays.asList(text.split("\\s+"));
        if (!options.stream().allMatch(option -> option.startsWith("--add-opens="))) {
            throw new IllegalStateException("The harness resource jdk-opens.txt holds [" + text + "], expected"
                    + " --add-opens options only: build test-harness with Maven, which fills in warcast.jdk.opens");
        }
        return List.copyOf(options);
    }
}
