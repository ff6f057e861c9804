package io.warcast.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The README's install block names every jar the bundle puts into {@code $CATALINA_BASE/lib}, and nothing else: the
 * bundle zip the tests run with ({@code warcast.bundle.zip}, the distribution module's artifact) against the line
 * {@code $CATALINA_BASE/lib/ <names>} in the first fenced block of the section "Install".
 */
class ReadmeLibListTest {

    private static final Path ROOT = Path.of(System.getProperty("warcast.projectRoot", ".."));
    private static final String LIB_LINE = "$CATALINA_BASE/lib/";
    private static final Pattern LIB_JAR = Pattern.compile("lib/([^/]+?)-\\d[^/]*\\.jar");

    @Test
    void theBundlesLibHoldsExactlyTheJarsTheReadmeLists() throws IOException {
        List<String> listed = readmeLibList(Files.readString(ROOT.resolve("README.md")));
        Path bundle = Path.of(System.getProperty("warcast.bundle.zip"));

        List<String> shipped = bundleLib(bundle);

        assertThat(shipped)
                .as("the jars in lib/ of %s, by artifact name; the README lists %s", bundle, listed)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(listed);
    }

    private static List<String> readmeLibList(String readme) {
        int install = readme.indexOf("\n## Install\n");
        assertThat(install).as("README.md has a section \"## Install\"").isNotNegative();
        int blockStart = readme.indexOf("\n```\n", install);
        int blockEnd = readme.indexOf("\n```\n", blockStart + 1);
        String line = readme.substring(blockStart, blockEnd)
                .lines()
                .filter(text -> text.startsWith(LIB_LINE))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "The first fenced block of \"## Install\" in README.md has no line " + LIB_LINE));
        return Arrays.stream(line.substring(LIB_LINE.length()).split(","))
                .map(String::strip)
                .toList();
    }

    /** The artifact names of the jars directly in {@code lib/}; any other file there is named as it is. */
    private static List<String> bundleLib(Path bundle) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return Collections.list(zip.entries()).stream()
                    .filter(entry -> !entry.isDirectory())
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("lib/"))
                    .map(ReadmeLibListTest::artifactName)
                    .toList();
        }
    }

    private static String artifactName(String entry) {
        Matcher jar = LIB_JAR.matcher(entry);
        return jar.matches() ? jar.group(1) : entry;
    }
}
