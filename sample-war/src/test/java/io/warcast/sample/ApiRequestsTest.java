package io.warcast.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestsTest {

    private final ApiRequests requests = new ApiRequests(new Json());

    @Test
    void readsAnItem() {
        assertThat(requests.parseItem(5, "{\"name\": \"Tray\", \"stock\": 3}")).isEqualTo(new Item(5, "Tray", 3));
    }

    @Test
    void acceptsTheItemAsAGetReturnedIt() {
        assertThat(requests.parseItem(5, "{\"id\": 5, \"name\": \"Tray\", \"stock\": 0}"))
                .isEqualTo(new Item(5, "Tray", 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                                              | body is missing
            {"name": "Tray", "stock": 3                     | body is not valid JSON
            {"name": "Tray", "stock": 3} {}                 | body is not valid JSON
            {"name": "Tray", "name": "Pan", "stock": 3}     | body is not valid JSON
            [1, 2]                                          | body must be a JSON object
            "Tray"                                          | body must be a JSON object
            {"stock": 3}                                    | field [name] is missing
            {"name": null, "stock": 3}                      | field [name] is missing
            {"name": 7, "stock": 3}                         | field [name] must be a string
            {"name": "  ", "stock": 3}                      | field [name] must not be blank
            {"name": "Tray"}                                | field [stock] is missing
            {"name": "Tray", "stock": "3"}                  | field [stock] must be a whole number
            {"name": "Tray", "stock": 1.5}                  | field [stock] must be a whole number
            {"name": "Tray", "stock": 3000000000}           | field [stock] must be a whole number
            {"name": "Tray", "stock": -1}                   | field [stock] must not be negative
            {"name": "Tray", "stock": 3, "price": 2}        | unknown field [price]
            {"id": 6, "name": "Tray", "stock": 3}           | field [id] is 6 but the path names item 5
            """)
    void refusesABadItemSayingWhatIsWrong(String body, String expectedMessage) {
        ApiException refused = assertThrows(ApiException.class, () -> requests.parseItem(5, body));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).startsWith(expectedMessage);
    }

    @Test
    void readsARestock() {
        assertThat(requests.parseRestock("{\"amount\": 5}")).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                              | body is missing; expected {"amount": 5}
            {"amount": 0}                   | field [amount] must be from 1 to 1000000, got 0
            {"amount": 1000001}             | field [amount] must be from 1 to 1000000
            {"amount": "5"}                 | field [amount] must be a whole number
            {"amount": 5, "why": "sale"}    | unknown field [why]
            """)
    void refusesABadRestockSayingWhatIsWrong(String body, String expectedMessage) {
        ApiException refused = assertThrows(ApiException.class, () -> requests.parseRestock(body));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).startsWith(expectedMessage);
    }

    @Test
    void refusesAnOverlongName() {
        String body = "{\"name\": \"" + "x".repeat(ApiRequests.MAX_NAME_LENGTH + 1) + "\", \"stock\": 1}";

        ApiException refused = assertThrows(ApiException.class, () -> requests.parseItem(5, body));

        assertThat(refused.getMessage()).contains("at most " + ApiRequests.MAX_NAME_LENGTH);
    }

    @Test
    void readsAnId() {
        assertThat(ApiRequests.parseId("42")).isEqualTo(42L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0", "-3", "1.5", "99999999999999999999", "42/x"})
    void refusesABadId(String segment) {
        ApiException refused = assertThrows(ApiException.class, () -> ApiRequests.parseId(segment));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("item id").contains("[" + segment + "]");
    }

    @Test
    void pagingDefaultsToEverythingFromTheStart() {
        assertThat(ApiRequests.parseFrom(null)).isZero();
        assertThat(ApiRequests.parseLimit(null)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ApiRequests.parseFrom("250")).isEqualTo(250L);
        assertThat(ApiRequests.parseLimit("0")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"from,-1", "from,x", "limit,-5", "limit,3000000000", "limit,''"})
    void refusesBadPaging(String parameter, String value) {
        ApiException refused = assertThrows(ApiException.class, () -> {
            if (parameter.equals("from")) {
                ApiRequests.parseFrom(value);
            } else {
                ApiRequests.parseLimit(value);
            }
        });

        assertThat(refused.getMessage()).contains("[" + parameter + "]").contains("[" + value + "]");
    }
}
