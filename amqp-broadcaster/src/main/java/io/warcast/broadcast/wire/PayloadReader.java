package io.warcast.broadcast.wire;

import io.warcast.api.FlushRequest;
import java.io.IOException;
import java.util.Optional;

/** Reads the object that carries a v1 message's kind: {@code change}, {@code flush} or {@code message}. */
final class PayloadReader {

    private final ValueReader values;
    private final WireLimits limits;

    PayloadReader(ValueReader values, WireLimits limits) {
        this.values = values;
        this.limits = limits;
    }

    /** @param kind one of {@link HeaderScan#KINDS} */
    Payload read(String kind) throws IOException, WireFormatException {
        return switch (kind) {
            case "change" -> new Payload.Change(new ChangeReader(values, limits).read());
            case "flush" -> flush();
            case "message" -> message();
            default -> throw new IllegalArgumentException("Not a v1 kind: " + kind);
        };
    }

    private Payload.Flush flush() throws IOException, WireFormatException {
        values.enterObject();
        Optional<String> dataSource = null;
        FlushRequest.Reason reason = null;
        String field;
        while ((field = values.nextField()) != null) {
            switch (field) {
                case "dataSource" -> dataSource = Optional.ofNullable(nullableName());
                case "reason" -> reason = reason();
                default -> values.skipValue();
            }
        }
        return new Payload.Flush(values.present(dataSource, "dataSource"), values.present(reason, "reason"));
    }

    private String nullableName() throws IOException, WireFormatException {
        String name = values.nullableString();
        if (name != null && name.isBlank()) {
            throw WireFormatException.malformed(values.here() + ": must be null (all) or a data source name");
        }
        return name;
    }

    private FlushRequest.Reason reason() throws IOException, WireFormatException {
        String reason = values.string();
        return switch (reason) {
            case "requested" -> FlushRequest.Reason.REQUESTED;
            case "missed_changes" -> FlushRequest.Reason.MISSED_CHANGES;
            default ->
                throw WireFormatException.malformed(
                        values.here() + ": [" + ValueReader.quote(reason) + "] is not requested or missed_changes");
        };
    }

    private Payload.Message message() throws IOException, WireFormatException {
        values.enterObject();
        String channel = null;
        String body = null;
        String field;
        while ((field = values.nextField()) != null) {
            switch (field) {
                case "channel" -> channel = values.name();
                case "body" -> body = values.string();
                default -> values.skipValue();
            }
        }
        return new Payload.Message(values.present(channel, "channel"), values.present(body, "body"));
    }
}
