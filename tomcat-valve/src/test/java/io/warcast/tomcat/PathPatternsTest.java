package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PathPatternsTest {

    @Test
    void exactPatternsMatchOnlyThatPath() {
        PathPatterns patterns = PathPatterns.parse("/health");

        assertThat(patterns.matches("/health")).isTrue();
        assertThat(patterns.matches("/health/")).isFalse();
        assertThat(patterns.matches("/healthz")).isFalse();
    }

    @Test
    void prefixPatternsMatchThePathAndEverythingBelowButNotNeighbours() {
        PathPatterns patterns = PathPatterns.parse(" /static/* , /manager/*");

        assertThat(patterns.matches("/static")).isTrue();
        assertThat(patterns.matches("/static/css/app.css")).isTrue();
        assertThat(patterns.matches("/manager/text/list")).isTrue();
        assertThat(patterns.matches("/staticfiles/x")).isFalse();
        assertThat(PathPatterns.parse("/*").matches("/anything")).isTrue();
    }

    @Test
    void extensionPatternsMatchTheLastSegment() {
        PathPatterns patterns = PathPatterns.parse("*.css");

        assertThat(patterns.matches("/a/b/site.css")).isTrue();
        assertThat(patterns.matches("/a/site.css/other")).isFalse();
    }

    @Test
    void blankListsAndEntriesMeanNothingIsExempt() {
        assertThat(PathPatterns.parse("").matches("/")).isFalse();
        assertThat(PathPatterns.parse(null).matches("/")).isFalse();
        assertThat(PathPatterns.parse(" , /a ,").toString()).isEqualTo("/a");
    }

    @Test
    void anythingElseIsRefusedNamingTheEntry() {
        for (String bad : new String[] {"static/*", "/a*", "/*/b", "*", "**.css", "/a/*/*"}) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> PathPatterns.parse("/ok," + bad));
            assertThat(refused).hasMessage(bad);
        }
    }

    @Test
    void onlyAPrefixCoveringTheWholeContextExemptsIt() {
        PathPatterns patterns = PathPatterns.parse("/manager/*,/health,*.css");

        assertThat(patterns.coversContext("/manager")).isTrue();
        assertThat(patterns.coversContext("/")).isFalse();
        assertThat(patterns.coversContext("/health"))
                .as("an exact path exempts one URL, not a context")
                .isFalse();
        assertThat(PathPatterns.parse("/*").coversContext("/")).isTrue();
        assertThat(PathPatterns.parse("/shop/*").coversContext("/shop/eu")).isTrue();
    }
}
