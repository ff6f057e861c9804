package io.warcast.broadcast.wire;

import io.warcast.api.DataChange;
import io.warcast.api.FlushRequest;
import java.util.Objects;
import java.util.Optional;

/** What an {@link Envelope} carries; the wire format's {@code kind}. */
public sealed interface Payload {

    /** The {@code kind} on the wire. */
    String kind();

    /** A data change: kind {@code change}. */
    record Change(DataChange change) implements Payload {
        public Change {
            Objects.requireNonNull(change, "change");
        }

        @Override
        public String kind() {
            return "change";
        }
    }

    /**
     * A request to flush a data source (empty: all): kind {@code flush}. {@link FlushRequest.Reason#MISSED_CHANGES}
     * when the sender had to drop changes it could not send (its outbox overflowed).
     */
    record Flush(Optional<String> dataSource, FlushRequest.Reason reason) implements Payload {
        public Flush {
            Objects.requireNonNull(dataSource, "dataSource");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String kind() {
            return "flush";
        }
    }

    /** An application message on a channel: kind {@code message}. */
    record Message(String channel, String body) implements Payload {
        public Message {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String kind() {
            return "message";
        }
    }
}
