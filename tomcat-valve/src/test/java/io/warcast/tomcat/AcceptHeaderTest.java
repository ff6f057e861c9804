package io.warcast.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "[{0}] prefers JSON: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json;Q=0.9, text/html;q=0.8 | true",
                "application/json ; q = 0.9 , text/html;q=0.8 | true",
                "application/json;q=0.9999, text/html;q=0.999 | true",
                "application/json;q=.5, text/html;q=0.4 | true",
                "'application/json;q=\"0.9\", text/html;q=0.8' | true",
                "application/json;level=1;q=0.9;ext=x, text/html;q=0.8 | true",
                "application/json;q=0 | false",
                "application/json;q=0.000 | false"
            })
    void readsQValuesLeniently(String accept, boolean json) {
        assertThat(AcceptHeader.prefersJson(accept))
                .as("a q-value within 0 to 1 counts, however it is written")
                .isEqualTo(json);
    }

    @ParameterizedTest(name = "[{0}] prefers JSON: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json, ; | true",
                "';;, application/json' | true",
                "'text/html,;' | false",
                "'application/json;q=1.5, text/html;q=0.1' | false",
                "'application/json;q=-1, text/html;q=0.1' | false",
                "'application/json;q=1e0, text/html;q=0.1' | false",
                "'application/json;q=NaN, text/html;q=0.1' | false",
                "'application/json;q=0x1, text/html;q=0.1' | false",
                "'application/json;q=, text/html;q=0.1' | false",
                "'application/json;=1, text/html;q=0.1' | false",
                "'application/json;q, text/html;q=0.1' | false",
                "'application/json junk, text/html;q=0.1' | false",
                "'*/json, text/html;q=0.1' | false",
                "'/json, application/' | false",
                "'application/json;a=\"x, y\", text/html;q=0.5' | true",
                "'text/html;a=\"unclosed, application/json' | false",
                "'application/json;a=\"a\\\"b\", text/html;q=0.5' | true"
            })
    void ignoresMalformedMediaRangesAndKeepsTheOthers(String accept, boolean json) {
        assertThat(AcceptHeader.prefersJson(accept))
                .as("the malformed range of [%s] is ignored, the well-formed ones decide", accept)
                .isEqualTo(json);
    }

    @Test
    void aMediaRangeWithAControlOrNonAsciiCharacterIsIgnored() {
        for (String bad : List.of(
                "application/json\u0000",
                "application/json\r\n",
                "appli\u00e7ation/json",
                "application/js\uD83D\uDE00on",
                "application/json;a=\u00ff\u0001")) {
            assertThat(AcceptHeader.prefersJson(bad + ", text/html;q=0.5"))
                    .as("[%s] is no media range", bad)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {";", ";;", ",", ",,", " ", "\t", "/", "*", "\"", "\\", "q=1", ";q=1", "=", "\u0000", "\uD800"})
    void aHeaderOfNothingButJunkGoesToHtml(String accept) {
        assertThat(AcceptHeader.prefersJson(accept))
                .as("[%s] has no media range, so a person gets HTML", accept)
                .isFalse();
    }
}
