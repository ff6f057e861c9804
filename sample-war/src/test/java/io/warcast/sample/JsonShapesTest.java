package io.warcast.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warcast.api.ChangeAction;
import io.warcast.api.DataChange;
import io.warcast.api.FlushRequest;
import io.warcast.api.Origin;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON as a client reads it: written by {@link Json}, read back as a tree. */
class JsonShapesTest {

    private final Json json = new Json();

    @Test
    void aHeardChange() throws Exception {
        DataChange change = DataChange.builder("catalog", "items", ChangeAction.UPDATE)
                .key("id", 42L)
                .column("name", "Sugar bowl")
                .column("stock", 5)
                .build();

        JsonNode entry = roundTrip(JsonShapes.heardChange(Events.heard(17, change)));

        assertThat(entry.toString())
                .isEqualTo("{\"id\":\"msg-17\",\"server\":\"node-b\",\"version\":\"001\",\"context\":\"/\","
                        + "\"sequence\":17,\"dataSource\":\"catalog\",\"table\":\"items\",\"action\":\"UPDATE\","
                        + "\"keys\":[{\"id\":42}],\"columns\":{\"name\":\"Sugar bowl\",\"stock\":5},"
                        + "\"publishedAt\":\"2025-06-01T12:00:00Z\"}");
    }

    @Test
    void aHeardDeleteHasEmptyColumns() throws Exception {
        JsonNode entry = roundTrip(JsonShapes.heardChange(Events.heard(1, ItemChanges.deleted(3))));

        assertThat(entry.get("action").asText()).isEqualTo("DELETE");
        assertThat(entry.get("columns").isObject()).isTrue();
        assertThat(entry.get("columns").isEmpty()).isTrue();
    }

    @Test
    void infoNamesRootAsSlashAndKeepsAnEmptyVersion() throws Exception {
        JsonNode info = roundTrip(JsonShapes.info(new Origin("node-a", "", "", "i-1")));

        assertThat(info.get("server").asText()).isEqualTo("node-a");
        assertThat(info.get("context").asText()).isEqualTo("/");
        assertThat(info.get("version").isTextual()).isTrue();
        assertThat(info.get("version").asText()).isEmpty();
    }

    @Test
    void infoOfAVersionedContext() throws Exception {
        JsonNode info = roundTrip(JsonShapes.info(FakeDataNotifyService.SELF));

        assertThat(info.get("context").asText()).isEqualTo("/shop");
        assertThat(info.get("version").asText()).isEqualTo("002");
    }

    @Test
    void anItem() throws Exception {
        assertThat(roundTrip(JsonShapes.item(new Item(1, "Teapot", 12))).toString())
                .isEqualTo("{\"id\":1,\"name\":\"Teapot\",\"stock\":12}");
    }

    @Test
    void aFlushFromAnotherParticipant() throws Exception {
        JsonNode flush = roundTrip(JsonShapes.heardFlush(
                new FlushRequest(Optional.of("catalog"), FlushRequest.Reason.REQUESTED, Optional.of(Events.OTHER))));

        assertThat(flush.get("dataSource").asText()).isEqualTo("catalog");
        assertThat(flush.get("reason").asText()).isEqualTo("REQUESTED");
        assertThat(flush.get("origin").get("server").asText()).isEqualTo("node-b");
        assertThat(flush.get("origin").get("context").asText()).isEqualTo("/");
    }

    @Test
    void aFlushWarcastAskedForHasNullDataSourceAndOrigin() throws Exception {
        JsonNode flush = roundTrip(JsonShapes.heardFlush(
                new FlushRequest(Optional.empty(), FlushRequest.Reason.MISSED_CHANGES, Optional.empty())));

        assertThat(flush.has("dataSource")).isTrue();
        assertThat(flush.get("dataSource").isNull()).isTrue();
        assertThat(flush.get("origin").isNull()).isTrue();
        assertThat(flush.get("reason").asText()).isEqualTo("MISSED_CHANGES");
    }

    @Test
    void anError() throws Exception {
        assertThat(roundTrip(JsonShapes.error("no item 4")).toString()).isEqualTo("{\"error\":\"no item 4\"}");
    }

    private JsonNode roundTrip(Object shape) throws Exception {
        return json.read(json.toString(shape));
    }
}
