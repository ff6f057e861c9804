package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptHeaderTest {

    @ParameterizedTest(name = "[{0}] prefers JSON: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json | true",
                "application/json, text/plain, */* | true",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | false",
                "*/* | false",
                "'' | false",
                "text/html;q=0.5, application/json | true",
                "application/json;q=0.4, text/html | false",
                "application/json;q=0, */* | false",
                "application/*, text/* | false",
                "APPLICATION/JSON | true",
                "application/json;q=abc, text/html;q=0.1 | false",
                "image/png | false"
            })
    void decidesByQualityThenSpecificityAndTiesGoToHtml(String accept, boolean json) {
        assertThat(AcceptHeader.prefersJson(accept)).isEqualTo(json);
    }
}
