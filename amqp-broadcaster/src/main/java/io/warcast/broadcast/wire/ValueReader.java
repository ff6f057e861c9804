package io.warcast.broadcast.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Reads typed values at a {@link JsonParser}'s current token and moves it on. Every failure names where in the
 * body it happened as a JSON Pointer ({@code /change/keys/3/id}), computed only when it fails.
 */
final class ValueReader {

    /** Message and instance ids: a UUID is what Warcast sends; anything id-like is accepted from other senders. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private static final int QUOTED_LENGTH = 40;

    /** Every double fits: its exponents run from -324 to 308. */
    private static final int MAX_DECIMAL_SCALE = 1_000;

    private final JsonParser parser;

    ValueReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Moves to the next token. */
    JsonToken advance() throws IOException {
        return parser.nextToken();
    }

    /** Requires the current token to open an object. */
    void enterObject() throws WireFormatException {
        require(JsonToken.START_OBJECT, "an object");
    }

    /** Requires the current token to open an array. */
    void enterArray() throws WireFormatException {
        require(JsonToken.START_ARRAY, "an array");
    }

    /**
     * Inside an object: moves to the next field's value and returns the field's name, or returns {@code null} at
     * the object's end.
     */
    String nextField() throws IOException {
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String name = parser.currentName();
        parser.nextToken();
        return name;
    }

    /** Inside an array: moves to the next element, or returns false at the array's end. */
    boolean nextElement() throws IOException {
        return parser.nextToken() != JsonToken.END_ARRAY;
    }

    /** Skips the current value, however deep: a field this version does not know. */
    void skipValue() throws IOException {
        parser.skipChildren();
    }

    String string() throws IOException, WireFormatException {
        require(JsonToken.VALUE_STRING, "a string");
        return parser.getText();
    }

    /** A string or null. */
    String nullableString() throws IOException, WireFormatException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? null : string();
    }

    /** A name that must not be blank: a server, data source, table, channel. */
    String name() throws IOException, WireFormatException {
        String name = string();
        if (name.isBlank()) {
            throw WireFormatException.malformed(here() + ": must not be empty");
        }
        return name;
    }

    /** A message or instance id. */
    String id() throws IOException, WireFormatException {
        String id = string();
        if (!ID.matcher(id).matches()) {
            throw WireFormatException.malformed(
                    here() + ": not an id (1 to 64 of A-Z a-z 0-9 . _ : -): [" + quote(id) + "]");
        }
        return id;
    }

    /** A whole number that fits a Java long. */
    long wholeNumber() throws IOException, WireFormatException {
        require(JsonToken.VALUE_NUMBER_INT, "an integer");
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw WireFormatException.malformed(here() + ": out of range: " + quote(parser.getText()));
        }
        return parser.getLongValue();
    }

    /**
     * A column value: a JSON string, boolean, null or number. Whole numbers become {@link Long}, or
     * {@link BigInteger} beyond a long; numbers with a fraction or exponent become an exact {@link BigDecimal}.
     */
    Object scalar() throws IOException, WireFormatException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        } else if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return parser.getBooleanValue();
        } else if (token == JsonToken.VALUE_NULL) {
            return null;
        } else if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue()
                    : (Object) parser.getLongValue();
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return decimal();
        }
        throw WireFormatException.wrongType(
                here() + ": expected a string, number, boolean or null, got " + describeCurrent());
    }

    /** Inside an object: {@code value} when the field was there, else a rejection naming it. */
    <T> T present(T value, String field) throws WireFormatException {
        if (value == null) {
            throw WireFormatException.malformed(here() + ": missing field " + field);
        }
        return value;
    }

    /** Where the parser is, as a JSON Pointer; {@code /} for the whole body. */
    String here() {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "/" : quote(pointer);
    }

    /** What the current token is, for a message: "an object", "a string"… */
    String describeCurrent() {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the body";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    JsonParser parser() {
        return parser;
    }

    static String quote(String fromBody) {
        return WireFormatException.excerpt(fromBody, QUOTED_LENGTH);
    }

    private BigDecimal decimal() throws IOException, WireFormatException {
        BigDecimal decimal = parser.getDecimalValue();
        // 1e999999999 is short text but a listener that prints it plainly would build a gigabyte of digits.
        if (Math.abs((long) decimal.scale()) > MAX_DECIMAL_SCALE) {
            throw WireFormatException.malformed(here() + ": exponent out of range: " + quote(parser.getText()));
        }
        return decimal;
    }

    private void require(JsonToken expected, String description) throws WireFormatException {
        if (parser.currentToken() != expected) {
            throw WireFormatException.wrongType(here() + ": expected " + description + ", got " + describeCurrent());
        }
    }
}
