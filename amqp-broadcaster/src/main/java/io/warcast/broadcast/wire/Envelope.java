package io.warcast.broadcast.wire;

import io.warcast.api.Origin;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing a participant published, as it travels to the other participants: in this JVM and, as wire format
 * v1 (see the README), between servers.
 *
 * @param messageId unique per publish; receivers drop a message id they have already delivered
 * @param origin the participant that published
 * @param sequence the publisher's sequence number over every kind it sends: 1, 2, 3… for one origin instance; a
 *     receiver that sees a number skipped knows it missed something
 * @param publishedAt when it was published, by the publisher's clock
 * @param payload what was published
 */
public record Envelope(String messageId, Origin origin, long sequence, Instant publishedAt, Payload payload) {

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("A sequence number starts at 1, got " + sequence);
        }
    }
}
