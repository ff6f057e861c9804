package io.warcast.broadcast.amqp;

import io.warcast.broadcast.wire.Decoded;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.InboundFilter;
import io.warcast.broadcast.wire.WireCodec;
import io.warcast.broadcast.wire.WireLimits;

/** How envelopes become message bodies and back, and how received ones are filtered; a seam for tests. */
public interface WireFormat {

    /** How many recent message ids a filter remembers to recognise redeliveries. */
    int REMEMBERED_IDS = 100_000;

    byte[] encode(Envelope envelope);

    /** Never throws for bad input. */
    Decoded decode(byte[] body);

    /** A new filter, for one link: called from one consumer thread at a time. */
    InboundFilter newFilter();

    /** Wire format v1 ({@link WireCodec}) with {@link InboundFilter}. */
    static WireFormat v1(WireLimits limits) {
        WireCodec codec = new WireCodec(limits);
        return new WireFormat() {
            @Override
            public byte[] encode(Envelope envelope) {
                return codec.encode(envelope);
            }

            @Override
            public Decoded decode(byte[] body) {
                return codec.decode(body);
            }

            @Override
            public InboundFilter newFilter() {
                return new InboundFilter(REMEMBERED_IDS);
            }
        };
    }
}
