package io.warcast.broadcast.wire;

import com.fasterxml.jackson.core.JsonFactory;
import java.util.Objects;

/**
 * Wire format v1: JSON (UTF-8), documented in {@code docs/wire-format.md}. Thread-safe.
 *
 * <p>Encoding writes the fields in the documented order. Decoding never throws: whatever arrives, it returns an
 * {@link Decoded.Accepted} envelope or a {@link Decoded.Rejected} reason with a one-line detail for the log.
 */
public final class WireCodec {

    /** The {@code v} field of every message this build sends. */
    public static final int VERSION = 1;

    /** The AMQP content type of every message. */
    public static final String CONTENT_TYPE = "application/json";

    private final WireLimits limits;
    private final EnvelopeWriter writer;
    private final EnvelopeReader reader;

    public WireCodec(WireLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        JsonFactory json = WireJson.factory(limits);
        this.writer = new EnvelopeWriter(json);
        this.reader = new EnvelopeReader(json, limits);
    }

    /** The JSON body of an envelope; {@code time} is written to the millisecond. */
    public byte[] encode(Envelope envelope) {
        return writer.write(Objects.requireNonNull(envelope, "envelope"));
    }

    /** Reads a body; never throws for bad input, which comes back as {@link Decoded.Rejected}. */
    public Decoded decode(byte[] body) {
        if (body == null) {
            return WireFormatException.rejected(Decoded.RejectReason.MALFORMED, "no body");
        }
        return reader.read(body);
    }

    /** The limits this codec decodes within. */
    public WireLimits limits() {
        return limits;
    }
}
