package io.warcast.sample;

import io.warcast.api.ColumnValues;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.FlushRequest;
import io.warcast.api.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the API answers with, as ordered maps that {@link Json} writes. One method per shape, so the shapes
 * are read in one place.
 */
public final class JsonShapes {

    private JsonShapes() {}

    /** {@code {"server", "context", "version", "instance", "application"}}: which copy of the app answered. */
    public static Map<String, Object> info(Origin self) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("server", self.serverId());
        json.put("context", context(self));
        json.put("version", self.webappVersion());
        json.put("instance", self.instanceId());
        json.put("application", self.application());
        return json;
    }

    /** {@code {"id", "name", "stock"}}. */
    public static Map<String, Object> item(Item item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("name", item.name());
        json.put("stock", item.stock());
        return json;
    }

    public static List<Map<String, Object>> items(List<Item> items) {
        return items.stream().map(JsonShapes::item).toList();
    }

    /**
     * {@code {"id", "server", "version", "context", "sequence", "dataSource", "table", "action", "keys", "columns",
     * "publishedAt"}}: a change heard from another participant.
     */
    public static Map<String, Object> heardChange(DataChangeEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.messageId());
        json.put("server", event.origin().serverId());
        json.put("version", event.origin().webappVersion());
        json.put("context", context(event.origin()));
        json.put("sequence", event.sequence());
        json.put("dataSource", event.change().dataSource());
        json.put("table", event.change().table());
        json.put("action", event.change().action().name());
        json.put(
                "keys",
                event.change().primaryKeys().stream().map(ColumnValues::asMap).toList());
        json.put("columns", event.change().columnValues().asMap());
        json.put("publishedAt", event.publishedAt().toString());
        return json;
    }

    /** {@code {"dataSource", "reason", "origin"}}; data source and origin may be null. */
    public static Map<String, Object> heardFlush(FlushRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataSource", request.dataSource().orElse(null));
        json.put("reason", request.reason().name());
        json.put("origin", request.origin().map(JsonShapes::origin).orElse(null));
        return json;
    }

    /** {@code {"server", "version", "context", "instance"}}. */
    public static Map<String, Object> origin(Origin origin) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("server", origin.serverId());
        json.put("version", origin.webappVersion());
        json.put("context", context(origin));
        json.put("instance", origin.instanceId());
        return json;
    }

    /** {@code {"error"}}: what was wrong with a request. */
    public static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    /** The context path as users type it: {@code "/"} for the ROOT application. */
    static String context(Origin origin) {
        return origin.contextPath().isEmpty() ? "/" : origin.contextPath();
    }
}
