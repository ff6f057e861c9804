package io.warcast.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.DataNotifyService;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API example of the README compiles as given: the first {@code ```java} block of the section "Use it from an
 * application", compiled with the JDK's compiler against plugin-api and the servlet API alone, as an application
 * compiles against them with scope {@code provided}.
 */
class ReadmeApiExampleTest {

    private static final Path ROOT = Path.of(System.getProperty("warcast.projectRoot", ".."));
    static final String SECTION = "\n## Use it from an application\n";
    private static final Pattern TOP_LEVEL_CLASS = Pattern.compile(
            "^public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface)\\s+(\\w+)", Pattern.MULTILINE);

    @Test
    void theReadmeApiExampleCompilesAgainstPluginApi(@TempDir Path classes) throws IOException {
        String source = apiExample(Files.readString(ROOT.resolve("README.md")));
        Matcher name = TOP_LEVEL_CLASS.matcher(source);
        assertThat(name.find())
                .as("the README's API example declares a public top-level class")
                .isTrue();

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK with javac runs the tests").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of(
                "--release",
                "17",
                "-proc:none",
                "-classpath",
                classpathOf(DataNotifyService.class, ServletContext.class),
                "-d",
                classes.toString());
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            Boolean compiled = compiler.getTask(
                            null, files, diagnostics, options, null, List.of(new Source(name.group(1), source)))
                    .call();

            assertThat(compiled)
                    .as(
                            "the ```java block after \"## Use it from an application\" in README.md compiles against"
                                    + " plugin-api; javac said:%n%s",
                            diagnostics.getDiagnostics().stream()
                                    .map(ReadmeApiExampleTest::describe)
                                    .collect(Collectors.joining("\n")))
                    .isTrue();
        }
    }

    /** The first {@code ```java} block after the section heading, without its fences. */
    static String apiExample(String readme) {
        int section = readme.indexOf(SECTION);
        assertThat(section)
                .as("README.md has a section \"## Use it from an application\"")
                .isNotNegative();
        int open = readme.indexOf("\n```java\n", section);
        assertThat(open).as("the section has a ```java block").isNotNegative();
        int start = open + "\n```java\n".length();
        int end = readme.indexOf("\n```\n", start);
        assertThat(end).as("the ```java block is closed").isGreaterThan(start);
        return readme.substring(start, end + 1);
    }

    private static String classpathOf(Class<?>... types) {
        return Arrays.stream(types).map(ReadmeApiExampleTest::location).collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        return "README example line " + diagnostic.getLineNumber() + ": " + diagnostic.getKind() + ": "
                + diagnostic.getMessage(null);
    }

    /** The example as a compilation unit named after its public class. */
    private static final class Source extends SimpleJavaFileObject {

        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
