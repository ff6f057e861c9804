package io.warcast.broadcast.wire;

import io.warcast.api.Origin;
import java.util.Objects;
import java.util.Optional;

/** The outcome of decoding one message body: an envelope to deliver, or a reason to count, log and skip it. */
public sealed interface Decoded {

    /** A valid v1 message. */
    record Accepted(Envelope envelope) implements Decoded {
        public Accepted {
            Objects.requireNonNull(envelope, "envelope");
        }
    }

    /**
     * A message that is skipped.
     *
     * @param reason the counter it goes to
     * @param detail one line for the log: what was wrong, never the whole body
     * @param position where the message stands in its sender's sequence, when that could be read: a message of a
     *     kind only a newer sender knows still took a number, and its receivers must not take it for a gap
     */
    record Rejected(RejectReason reason, String detail, Optional<Position> position) implements Decoded {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(position, "position");
        }

        public Rejected(RejectReason reason, String detail) {
            this(reason, detail, Optional.empty());
        }
    }

    /**
     * A skipped message's id, sender and sequence number, and its kind, which only a newer sender knows (at most a few
     * dozen characters of it).
     */
    record Position(String messageId, Origin origin, long sequence, String kind) {
        public Position {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Why a message was skipped. */
    enum RejectReason {
        /** Not JSON, not an object, or a required field missing. */
        MALFORMED,
        /** A wire-format version this build does not read. */
        UNKNOWN_VERSION,
        /** A kind this build does not know: a newer sender; skipped so that N and N+1 can run side by side. */
        UNKNOWN_KIND,
        /** Larger than {@code amqpbroadcast.maxmessagesize}, or more keys or columns than the limits allow. */
        OVERSIZED,
        /** A field of the wrong JSON type, such as an object where a column value must be a scalar. */
        WRONG_TYPE
    }
}
