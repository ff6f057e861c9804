package io.warcast.broadcast.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.warcast.api.ColumnValues;
import io.warcast.api.DataChange;
import io.warcast.api.Origin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/** Writes an {@link Envelope} as a wire format v1 body, fields in the documented order. */
final class EnvelopeWriter {

    private final JsonFactory json;

    EnvelopeWriter(JsonFactory json) {
        this.json = json;
    }

    byte[] write(Envelope envelope) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        try (JsonGenerator out = json.createGenerator(body, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeNumberField("v", WireCodec.VERSION);
            out.writeStringField("id", envelope.messageId());
            out.writeStringField("kind", envelope.payload().kind());
            writeOrigin(out, envelope.origin());
            out.writeNumberField("seq", envelope.sequence());
            out.writeStringField("time", WireJson.TIME.format(envelope.publishedAt()));
            out.writeFieldName(envelope.payload().kind());
            writePayload(out, envelope.payload());
            out.writeEndObject();
        } catch (IOException e) {
            // Only a ByteArrayOutputStream underneath: nothing here does I/O that can fail.
            throw new UncheckedIOException("Could not write the JSON of message " + envelope.messageId(), e);
        }
        return body.toByteArray();
    }

    private static void writeOrigin(JsonGenerator out, Origin origin) throws IOException {
        out.writeObjectFieldStart("origin");
        out.writeStringField("server", origin.serverId());
        out.writeStringField("context", origin.contextPath());
        out.writeStringField("version", origin.webappVersion());
        out.writeStringField("instance", origin.instanceId());
        out.writeEndObject();
    }

    private static void writePayload(JsonGenerator out, Payload payload) throws IOException {
        out.writeStartObject();
        if (payload instanceof Payload.Change change) {
            writeChange(out, change.change());
        } else if (payload instanceof Payload.Flush flush) {
            out.writeStringField("dataSource", flush.dataSource().orElse(null));
            out.writeStringField("reason", flush.reason().name().toLowerCase(Locale.ROOT));
        } else if (payload instanceof Payload.Message message) {
            out.writeStringField("channel", message.channel());
            out.writeStringField("body", message.body());
        }
        out.writeEndObject();
    }

    private static void writeChange(JsonGenerator out, DataChange change) throws IOException {
        out.writeStringField("dataSource", change.dataSource());
        out.writeStringField("table", change.table());
        out.writeStringField("action", change.action().name().toLowerCase(Locale.ROOT));
        out.writeArrayFieldStart("keys");
        for (ColumnValues key : change.primaryKeys()) {
            writeColumns(out, key);
        }
        out.writeEndArray();
        if (!change.columnValues().isEmpty()) {
            out.writeFieldName("columns");
            writeColumns(out, change.columnValues());
        }
    }

    private static void writeColumns(JsonGenerator out, ColumnValues columns) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, Object> column : columns.asMap().entrySet()) {
            out.writeFieldName(column.getKey());
            writeScalar(out, column.getValue());
        }
        out.writeEndObject();
    }

    /** The value types {@link ColumnValues} admits, and no other. */
    private static void writeScalar(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Long
                || value instanceof BigInteger
                || value instanceof Double
                || value instanceof BigDecimal) {
            // Their toString() is a valid JSON number (ColumnValues refuses NaN and infinity), exact for BigDecimal.
            out.writeNumber(value.toString());
        } else {
            throw new IllegalArgumentException(
                    "ColumnValues admitted a " + value.getClass().getName() + "; the wire format has no such type");
        }
    }
}
