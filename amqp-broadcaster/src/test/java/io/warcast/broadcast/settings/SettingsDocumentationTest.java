package io.warcast.broadcast.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An operator finds every key the broadcaster reads, and no other, in the docs and in the bundle's sample file. */
class SettingsDocumentationTest {

    private static final Path DOCS = Path.of("..", "docs", "settings.md");
    private static final Path BUNDLE_FILE =
            Path.of("..", "distribution", "src", "bundle", "conf", "warcast.properties");

    private static final Pattern TABLE_KEYS = Pattern.compile("^\\| (`[^|]+`) \\|");
    private static final Pattern COMMENTED_ENTRY = Pattern.compile("^#(amqpbroadcast\\.[a-z.]+)=(.*)$");

    private final List<String> keys =
            Stream.of(Setting.values()).map(Setting::key).toList();

    @Test
    void theKeysTableOfTheDocsNamesExactlyTheKeys() throws IOException {
        assertThat(documentedKeys())
                .as("the keys in the table under '## Keys' of %s", DOCS)
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void theBundlesCommentedSettingsFileNamesExactlyTheKeys() throws IOException {
        assertThat(commentedEntries().keySet())
                .as("the commented #key= lines of %s", BUNDLE_FILE)
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void theBundlesCommentedSettingsFileShowsTheDefaults() throws IOException {
        commentedEntries().forEach((key, value) -> {
            Setting setting = Setting.byKey(key).orElseThrow();
            setting.defaultValue()
                    .map(String::valueOf)
                    .filter(defaultValue -> !defaultValue.isEmpty() && !value.contains("${"))
                    .ifPresent(defaultValue ->
                            assertThat(value).as("%s in %s", key, BUNDLE_FILE).isEqualTo(defaultValue));
        });
    }

    /** {@code `amqpbroadcast.ssl.keystore` / `.keystorepassword`}: a short form replaces the first key's last part. */
    private static List<String> documentedKeys() throws IOException {
        String docs = Files.readString(DOCS);
        int start = docs.indexOf("\n## Keys\n");
        int end = docs.indexOf("\n## ", start + 1);
        assertThat(start).as("a '## Keys' section in %s", DOCS).isNotNegative();
        return docs.substring(start, end)
                .lines()
                .map(TABLE_KEYS::matcher)
                .filter(Matcher::find)
                .flatMap(row -> {
                    List<String> names = Stream.of(row.group(1).split(" / "))
                            .map(name -> name.replace("`", ""))
                            .toList();
                    String first = names.get(0);
                    String parent = first.substring(0, first.lastIndexOf('.'));
                    return names.stream().map(name -> name.startsWith(".") ? parent + name : name);
                })
                .toList();
    }

    private static Map<String, String> commentedEntries() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(BUNDLE_FILE)) {
            Matcher entry = COMMENTED_ENTRY.matcher(line);
            if (entry.matches()) {
                entries.put(entry.group(1), entry.group(2));
            }
        }
        return entries;
    }
}
