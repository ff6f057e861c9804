package io.warcast.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Reads and checks what clients send: item ids in paths, item bodies and paging parameters. Every refusal is a
 * 400 {@link ApiException} that names what was wrong.
 */
public final class ApiRequests {

    /** The longest item name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 200;

    /** The most one restock may add. */
    public static final int MAX_RESTOCK = 1_000_000;

    private static final String EXPECTED_BODY = "expected {\"name\": \"Teapot\", \"stock\": 3}";
    private static final String EXPECTED_RESTOCK = "expected {\"amount\": 5}";
    private static final Set<String> ITEM_FIELDS = Set.of("id", "name", "stock");

    private final Json json;

    public ApiRequests(Json json) {
        this.json = json;
    }

    /** An item id from a path segment: a positive whole number. */
    public static long parseId(String segment) {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw ApiException.badRequest("item id must be a positive whole number, got [" + segment + "]");
    }

    /**
     * The item a PUT body describes: {@code {"name": string, "stock": int}}. The body may repeat the id of the path
     * (clients send back what they read); any other field is refused so a typo does not go unnoticed.
     */
    public Item parseItem(long id, String body) {
        JsonNode node = parseObject(body, EXPECTED_BODY);
        node.fieldNames().forEachRemaining(field -> {
            if (!ITEM_FIELDS.contains(field)) {
                throw ApiException.badRequest("unknown field [" + field + "]; an item has only name and stock");
            }
        });
        JsonNode bodyId = node.get("id");
        if (bodyId != null && !(bodyId.isIntegralNumber() && bodyId.canConvertToLong() && bodyId.longValue() == id)) {
            throw ApiException.badRequest("field [id] is " + bodyId + " but the path names item " + id);
        }
        return new Item(id, name(node), stock(node));
    }

    /** The amount of a restock body, {@code {"amount": n}}, from 1 to {@value #MAX_RESTOCK}. */
    public int parseRestock(String body) {
        JsonNode node = parseObject(body, EXPECTED_RESTOCK);
        node.fieldNames().forEachRemaining(field -> {
            if (!field.equals("amount")) {
                throw ApiException.badRequest("unknown field [" + field + "]; " + EXPECTED_RESTOCK);
            }
        });
        JsonNode amount = node.get("amount");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToInt()) {
            throw ApiException.badRequest("field [amount] must be a whole number; " + EXPECTED_RESTOCK);
        }
        if (amount.intValue() < 1 || amount.intValue() > MAX_RESTOCK) {
            throw ApiException.badRequest(
                    "field [amount] must be from 1 to " + MAX_RESTOCK + ", got " + amount.intValue());
        }
        return amount.intValue();
    }

    /** The {@code from} parameter of a paged list: an index, 0 when absent. */
    public static long parseFrom(String value) {
        return value == null ? 0 : nonNegative("from", value, Long.MAX_VALUE);
    }

    /** The {@code limit} parameter of a paged list: a count, everything when absent. */
    public static int parseLimit(String value) {
        return value == null ? Integer.MAX_VALUE : (int) nonNegative("limit", value, Integer.MAX_VALUE);
    }

    private JsonNode parseObject(String body, String expected) {
        if (body.isBlank()) {
            throw ApiException.badRequest("body is missing; " + expected);
        }
        JsonNode node;
        try {
            node = json.read(body);
        } catch (JsonProcessingException malformed) {
            throw ApiException.badRequest("body is not valid JSON: " + malformed.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("body must be a JSON object; " + expected);
        }
        return node;
    }

    private static String name(JsonNode item) {
        JsonNode name = item.get("name");
        if (name == null || name.isNull()) {
            throw ApiException.badRequest("field [name] is missing");
        }
        if (!name.isTextual()) {
            throw ApiException.badRequest("field [name] must be a string, got " + name);
        }
        String text = name.textValue();
        if (text.isBlank()) {
            throw ApiException.badRequest("field [name] must not be blank");
        }
        if (text.length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest(
                    "field [name] must be at most " + MAX_NAME_LENGTH + " characters, got " + text.length());
        }
        return text;
    }

    private static int stock(JsonNode item) {
        JsonNode stock = item.get("stock");
        if (stock == null || stock.isNull()) {
            throw ApiException.badRequest("field [stock] is missing");
        }
        if (!stock.isIntegralNumber() || !stock.canConvertToInt()) {
            throw ApiException.badRequest(
                    "field [stock] must be a whole number up to " + Integer.MAX_VALUE + ", got " + stock);
        }
        if (stock.intValue() < 0) {
            throw ApiException.badRequest("field [stock] must not be negative, got " + stock);
        }
        return stock.intValue();
    }

    private static long nonNegative(String parameter, String value, long max) {
        try {
            long number = Long.parseLong(value);
            if (number >= 0 && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw ApiException.badRequest(
                "parameter [" + parameter + "] must be a whole number from 0 to " + max + ", got [" + value + "]");
    }
}
