package io.warcast.broadcast.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.warcast.broadcast.wire.Decoded.RejectReason;
import java.io.IOException;
import java.util.Set;

/**
 * The first of two passes over a body: checks that it is exactly one JSON object, then reads only {@code v} and
 * {@code kind}, skipping everything else. So a message of another version or an unknown kind is reported as such,
 * whatever shape the rest of it has, and the second pass reads a body already known to be well-formed JSON.
 */
final class HeaderScan {

    static final Set<String> KINDS = Set.of("change", "flush", "message");

    private HeaderScan() {}

    /** The kind of a v1 message this build reads. */
    static String kindOf(JsonParser parser) throws IOException, WireFormatException {
        ValueReader values = new ValueReader(parser);
        if (values.advance() != JsonToken.START_OBJECT) {
            throw WireFormatException.malformed("expected a JSON object, got " + values.describeCurrent());
        }
        Field version = null;
        Field kind = null;
        String name;
        while ((name = values.nextField()) != null) {
            if (name.equals("v")) {
                version = Field.at(values);
            } else if (name.equals("kind")) {
                kind = Field.at(values);
            }
            values.skipValue();
        }
        if (values.advance() != null) {
            throw WireFormatException.malformed("trailing content after the JSON object");
        }
        checkVersion(version);
        return checkKind(kind);
    }

    private static void checkVersion(Field version) throws WireFormatException {
        if (version == null) {
            throw WireFormatException.malformed("missing field v");
        }
        if (version.token() != JsonToken.VALUE_NUMBER_INT) {
            throw WireFormatException.wrongType("/v: expected an integer, got " + version.description());
        }
        if (!version.text().equals(String.valueOf(WireCodec.VERSION))) {
            throw new WireFormatException(
                    RejectReason.UNKNOWN_VERSION,
                    "v " + ValueReader.quote(version.text()) + ": this server reads v" + WireCodec.VERSION);
        }
    }

    private static String checkKind(Field kind) throws WireFormatException {
        if (kind == null) {
            throw WireFormatException.malformed("missing field kind");
        }
        if (kind.token() != JsonToken.VALUE_STRING) {
            throw WireFormatException.wrongType("/kind: expected a string, got " + kind.description());
        }
        if (!KINDS.contains(kind.text())) {
            throw new WireFormatException(
                    RejectReason.UNKNOWN_KIND,
                    "kind [" + ValueReader.quote(kind.text()) + "] is not one of change, flush, message");
        }
        return kind.text();
    }

    /** A top-level field as found: its token, its text when a scalar, and what it is in words. */
    private record Field(JsonToken token, String text, String description) {

        static Field at(ValueReader values) throws IOException {
            JsonToken token = values.parser().currentToken();
            String text = token.isScalarValue() ? values.parser().getText() : null;
            return new Field(token, text, values.describeCurrent());
        }
    }
}
