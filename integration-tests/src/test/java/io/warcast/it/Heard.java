package io.warcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a participant's {@code /api/heard}: which item ids it heard from which sender, in order. */
final class Heard {

    private Heard() {}

    /** The ids of the items changed by {@code server##version}, in the order heard. */
    static List<Long> itemIdsFrom(List<JsonNode> heard, String server, String version) {
        return heard.stream()
                .filter(change -> change.path("server").asText().equals(server))
                .filter(change -> change.path("version").asText().equals(version))
                .map(change -> change.path("keys").path(0).path("id").asLong())
                .toList();
    }

    static boolean contains(List<JsonNode> heard, long itemId) {
        return heard.stream()
                .anyMatch(change -> change.path("keys").path(0).path("id").asLong() == itemId);
    }

    static Set<String> messageIds(List<JsonNode> heard) {
        Set<String> ids = new HashSet<>();
        heard.forEach(change -> ids.add(change.path("id").asText()));
        return ids;
    }
}
