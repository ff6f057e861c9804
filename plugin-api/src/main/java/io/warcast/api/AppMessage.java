package io.warcast.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A message an application sent to its other copies on a named channel.
 *
 * @param messageId unique for each message sent
 * @param origin the participant that sent it
 * @param channel the channel name
 * @param body the text sent, often JSON
 * @param sentAt when it was sent, by the sender's clock
 */
public record AppMessage(String messageId, Origin origin, String channel, String body, Instant sentAt) {

    public AppMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
