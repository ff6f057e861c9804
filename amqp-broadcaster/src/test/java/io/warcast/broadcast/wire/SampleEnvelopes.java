package io.warcast.broadcast.wire;

import io.warcast.api.ChangeAction;
import io.warcast.api.DataChange;
import io.warcast.api.FlushRequest;
import io.warcast.api.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Envelopes and bodies the wire tests share. */
final class SampleEnvelopes {

    static final Origin ORIGIN = new Origin("node-a", "", "002", "6f1c2d3e-4b5a-4c6d-8e7f-901234567890");
    static final Instant TIME = Instant.parse("2026-11-21T20:45:26.672Z");
    static final String MESSAGE_ID = "0b7e3a52-9c1d-4e8f-a6b5-1c2d3e4f5a6b";

    /** The example of docs/wire-format.md, byte for byte as WireCodec writes it. */
    static final String CHANGE_JSON = "{\"v\":1,\"id\":\"0b7e3a52-9c1d-4e8f-a6b5-1c2d3e4f5a6b\",\"kind\":\"change\","
            + "\"origin\":{\"server\":\"node-a\",\"context\":\"\",\"version\":\"002\","
            + "\"instance\":\"6f1c2d3e-4b5a-4c6d-8e7f-901234567890\"},"
            + "\"seq\":42,\"time\":\"2026-11-21T20:45:26.672Z\","
            + "\"change\":{\"dataSource\":\"catalog\",\"table\":\"items\",\"action\":\"update\","
            + "\"keys\":[{\"id\":1}],\"columns\":{\"name\":\"Kettle\",\"stock\":41}}}";

    private SampleEnvelopes() {}

    static Envelope change() {
        return envelope(new Payload.Change(DataChange.builder("catalog", "items", ChangeAction.UPDATE)
                .key("id", 1L)
                .column("name", "Kettle")
                .column("stock", 41L)
                .build()));
    }

    static Envelope flush() {
        return envelope(new Payload.Flush(Optional.of("catalog"), FlushRequest.Reason.MISSED_CHANGES));
    }

    static Envelope message() {
        return envelope(new Payload.Message("prices", "{\"sku\":\"K-1\"}"));
    }

    static List<Envelope> everyKind() {
        return List.of(change(), flush(), message());
    }

    static Envelope envelope(Payload payload) {
        return new Envelope(MESSAGE_ID, ORIGIN, 42, TIME, payload);
    }

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #CHANGE_JSON} with one piece replaced, for bodies that are wrong in exactly one way. */
    static String changeWith(String piece, String replacement) {
        if (!CHANGE_JSON.contains(piece)) {
            throw new IllegalArgumentException("The sample has no " + piece);
        }
        return CHANGE_JSON.replace(piece, replacement);
    }
}
