package io.warcast.broadcast.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.warcast.api.Origin;
import io.warcast.broadcast.wire.Decoded.RejectReason;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a wire format v1 body into an {@link Envelope}, or says why not. Three passes over the bytes: {@link
 * StrictUtf8} checks the encoding, {@link HeaderScan} the JSON and the version and kind, then this reads the fields.
 */
final class EnvelopeReader {

    private final JsonFactory json;
    private final WireLimits limits;

    EnvelopeReader(JsonFactory json, WireLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    Decoded read(byte[] body) {
        if (body.length > limits.maxMessageBytes()) {
            return WireFormatException.rejected(
                    RejectReason.OVERSIZED,
                    "body of " + body.length + " bytes exceeds the limit of " + limits.maxMessageBytes() + " bytes");
        }
        Optional<String> notUtf8 = StrictUtf8.problem(body);
        if (notUtf8.isPresent()) {
            return WireFormatException.rejected(RejectReason.MALFORMED, notUtf8.get());
        }
        try {
            String kind;
            try (JsonParser parser = json.createParser(body)) {
                kind = HeaderScan.kindOf(parser);
            } catch (WireFormatException e) {
                if (e.reason() == RejectReason.UNKNOWN_KIND) {
                    return withPosition(e.toRejected(), body);
                }
                throw e;
            }
            try (JsonParser parser = json.createParser(body)) {
                return new Decoded.Accepted(readEnvelope(new ValueReader(parser), kind));
            }
        } catch (WireFormatException e) {
            return e.toRejected();
        } catch (StreamConstraintsException e) {
            return WireFormatException.rejected(RejectReason.MALFORMED, "beyond a parser limit: " + describe(e));
        } catch (JsonProcessingException e) {
            return WireFormatException.rejected(RejectReason.MALFORMED, "not valid JSON: " + describe(e));
        } catch (IOException | RuntimeException e) {
            // Not expected from a byte array; kept so that no body can ever stop the consumer.
            return WireFormatException.rejected(RejectReason.MALFORMED, "unreadable: " + e);
        }
    }

    /** A message of an unknown kind with its place in its sender's sequence, when id, origin and seq are valid. */
    private Decoded.Rejected withPosition(Decoded.Rejected unknownKind, byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            ValueReader values = new ValueReader(parser);
            String[] kind = {null};
            Header header = readHeader(values, field -> {
                if (field.equals("kind")) {
                    kind[0] = ValueReader.quote(values.string()); // a string: HeaderScan checked it
                } else {
                    values.skipValue();
                }
            });
            if (header.id == null || header.origin == null || header.sequence == null || kind[0] == null) {
                return unknownKind;
            }
            return new Decoded.Rejected(
                    unknownKind.reason(),
                    unknownKind.detail(),
                    Optional.of(new Decoded.Position(header.id, header.origin, header.sequence, kind[0])));
        } catch (IOException | WireFormatException | RuntimeException e) {
            return unknownKind; // counted and logged all the same; only its place is not known
        }
    }

    private Envelope readEnvelope(ValueReader values, String kind) throws IOException, WireFormatException {
        Payload[] payload = {null};
        Header header = readHeader(values, field -> {
            if (field.equals(kind)) {
                payload[0] = new PayloadReader(values, limits).read(kind);
            } else {
                values.skipValue(); // v and kind, checked by HeaderScan, and fields v1 does not know
            }
        });
        return new Envelope(
                values.present(header.id, "id"),
                values.present(header.origin, "origin"),
                values.present(header.sequence, "seq"),
                values.present(header.time, "time"),
                values.present(payload[0], kind));
    }

    /** The envelope fields of the top-level object, each null until read. */
    private static final class Header {
        String id;
        Origin origin;
        Long sequence;
        Instant time;
    }

    /** Reads the value of one top-level field that is not an envelope field. */
    private interface OtherField {
        void read(String field) throws IOException, WireFormatException;
    }

    private static Header readHeader(ValueReader values, OtherField other) throws IOException, WireFormatException {
        values.advance();
        values.enterObject();
        Header header = new Header();
        String field;
        while ((field = values.nextField()) != null) {
            switch (field) {
                case "id" -> header.id = values.id();
                case "origin" -> header.origin = origin(values);
                case "seq" -> header.sequence = sequence(values);
                case "time" -> header.time = time(values);
                default -> other.read(field);
            }
        }
        return header;
    }

    private static Origin origin(ValueReader values) throws IOException, WireFormatException {
        values.enterObject();
        String server = null;
        String context = null;
        String version = null;
        String instance = null;
        String field;
        while ((field = values.nextField()) != null) {
            switch (field) {
                case "server" -> server = values.name();
                case "context" -> context = contextPath(values);
                case "version" -> version = values.string();
                case "instance" -> instance = values.id();
                default -> values.skipValue();
            }
        }
        return new Origin(
                values.present(server, "server"),
                values.present(context, "context"),
                values.present(version, "version"),
                values.present(instance, "instance"));
    }

    private static String contextPath(ValueReader values) throws IOException, WireFormatException {
        String path = values.string();
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw WireFormatException.malformed(
                    values.here() + ": a context path is \"\" or starts with /, got [" + ValueReader.quote(path) + "]");
        }
        return path;
    }

    private static long sequence(ValueReader values) throws IOException, WireFormatException {
        long sequence = values.wholeNumber();
        if (sequence < 1) {
            throw WireFormatException.malformed(values.here() + ": a sequence number starts at 1, got " + sequence);
        }
        return sequence;
    }

    private static Instant time(ValueReader values) throws IOException, WireFormatException {
        String time = values.string();
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw WireFormatException.malformed(
                    values.here() + ": not an ISO-8601 UTC time: [" + ValueReader.quote(time) + "]");
        }
    }

    /** Jackson's message without the source and its location as line and column. */
    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where =
                location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }
}
