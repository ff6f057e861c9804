package io.warcast.broadcast;

import io.warcast.api.ChangeAction;
import io.warcast.api.ColumnValues;
import io.warcast.api.DataChange;
import io.warcast.api.FlushRequest;
import io.warcast.api.Origin;
import io.warcast.broadcast.amqp.WireFormat;
import io.warcast.broadcast.wire.Decoded;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.InboundFilter;
import io.warcast.broadcast.wire.Payload;
import io.warcast.broadcast.wire.WireLimits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stand-in for wire format v1 until the real codec and filter are merged: a line of separated fields for changes
 * with one-column keys (numbers or text), flushes and messages, and a filter by message id and sequence.
 * {@link #forTests} uses the real {@link WireFormat#v1} once it works.
 */
public final class TestWireFormat implements WireFormat {

    private static final String SEPARATOR = "\u001f";

    /** The real wire format when its codec is written, else this stand-in; says which. */
    public static WireFormat forTests(WireLimits limits) {
        WireFormat real = WireFormat.v1(limits);
        try {
            Envelope probe = new Envelope(
                    "probe", new Origin("s", "", "", "i"), 1, Instant.now(), new Payload.Message("probe", "probe"));
            real.decode(real.encode(probe));
            real.newFilter().check(probe);
            return real;
        } catch (UnsupportedOperationException e) {
            System.out.println("[wire] the v1 codec or filter is not written on this branch yet: tests use "
                    + TestWireFormat.class.getSimpleName());
            return new TestWireFormat();
        }
    }

    @Override
    public byte[] encode(Envelope envelope) {
        List<String> fields = new ArrayList<>(List.of(
                envelope.messageId(),
                envelope.origin().serverId(),
                envelope.origin().contextPath(),
                envelope.origin().webappVersion(),
                envelope.origin().instanceId(),
                Long.toString(envelope.sequence()),
                envelope.publishedAt().toString(),
                envelope.payload().kind()));
        Payload payload = envelope.payload();
        if (payload instanceof Payload.Change change) {
            DataChange data = change.change();
            fields.addAll(List.of(data.dataSource(), data.table(), data.action().name()));
            for (ColumnValues key : data.primaryKeys()) {
                key.asMap().forEach((column, value) -> {
                    fields.add(column);
                    fields.add((value instanceof Number ? "L" : "S") + value);
                });
            }
        } else if (payload instanceof Payload.Flush flush) {
            fields.add(flush.dataSource().orElse(""));
            fields.add(flush.reason().name());
        } else if (payload instanceof Payload.Message message) {
            fields.add(message.channel());
            fields.add(message.body());
        }
        return String.join(SEPARATOR, fields).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Decoded decode(byte[] body) {
        try {
            String[] f = new String(body, StandardCharsets.UTF_8).split(SEPARATOR, -1);
            Origin origin = new Origin(f[1], f[2], f[3], f[4]);
            Payload payload = switch (f[7]) {
                case "change" -> change(f);
                case "flush" ->
                    new Payload.Flush(
                            f[8].isEmpty() ? Optional.empty() : Optional.of(f[8]), FlushRequest.Reason.valueOf(f[9]));
                case "message" -> new Payload.Message(f[8], f[9]);
                default -> null;
            };
            if (payload == null) {
                return new Decoded.Rejected(Decoded.RejectReason.UNKNOWN_KIND, "kind " + f[7]);
            }
            return new Decoded.Accepted(new Envelope(f[0], origin, Long.parseLong(f[5]), Instant.parse(f[6]), payload));
        } catch (RuntimeException e) {
            return new Decoded.Rejected(Decoded.RejectReason.MALFORMED, e.toString());
        }
    }

    private static Payload change(String[] f) {
        DataChange.Builder builder = DataChange.builder(f[8], f[9], ChangeAction.valueOf(f[10]));
        for (int i = 11; i + 1 < f.length; i += 2) {
            String value = f[i + 1];
            builder.key(f[i], value.startsWith("L") ? (Object) Long.parseLong(value.substring(1)) : value.substring(1));
        }
        return new Payload.Change(builder.build());
    }

    @Override
    public Filter newFilter() {
        Set<String> seen = new HashSet<>();
        Map<Origin, Long> lastSequence = new HashMap<>();
        return envelope -> {
            if (!seen.add(envelope.messageId())) {
                return InboundFilter.Verdict.DUPLICATE;
            }
            Long last = lastSequence.put(envelope.origin(), envelope.sequence());
            return last != null && envelope.sequence() > last + 1
                    ? InboundFilter.Verdict.GAP_THEN_DELIVER
                    : InboundFilter.Verdict.DELIVER;
        };
    }
}
