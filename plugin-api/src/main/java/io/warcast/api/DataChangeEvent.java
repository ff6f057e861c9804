package io.warcast.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A data change as a listener hears it: the change and where and when it came from.
 *
 * @param messageId unique for each change published
 * @param origin the participant that published it
 * @param sequence the publisher's sequence number, starting at 1 and strictly increasing for one origin (it counts
 *     everything the origin publishes, so numbers of other kinds may come between two changes)
 * @param publishedAt when the publisher published it, by its clock
 * @param change the change
 */
public record DataChangeEvent(String messageId, Origin origin, long sequence, Instant publishedAt, DataChange change) {

    public DataChangeEvent {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(change, "change");
    }
}
