package io.warcast.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginTest {

    private final Origin shop = new Origin("a", "/shop", "", "instance-1");

    @Test
    void anOriginOfThisJvmHasNoVouchedPublisher() {
        assertThat(shop.publisher()).isEmpty();
    }

    @Test
    void theVouchedPublisherTravelsWithTheOriginButIsNotPartOfWhoItIs() {
        Origin heard = shop.withPublisher("warcast-a");

        assertThat(heard.publisher()).contains("warcast-a");
        assertThat(heard)
                .as("an origin read from the broker equals the sender's self()")
                .isEqualTo(shop)
                .hasSameHashCodeAs(shop);
        assertThat(heard.toString()).isEqualTo("a/shop");
    }

    @Test
    void anotherInstanceIsAnotherOrigin() {
        assertThat(new Origin("a", "/shop", "", "instance-2", Optional.of("warcast-a")))
                .isNotEqualTo(shop.withPublisher("warcast-a"));
    }
}
