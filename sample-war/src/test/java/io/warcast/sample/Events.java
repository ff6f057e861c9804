package io.warcast.sample;

import io.warcast.api.DataChange;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.Origin;
import java.time.Instant;

/** Changes as another participant would have published them. */
final class Events {

    static final Origin OTHER = new Origin("node-b", "", "001", "instance-b");
    static final Instant PUBLISHED_AT = Instant.parse("2025-06-01T12:00:00Z");

    private Events() {}

    static DataChangeEvent heard(long sequence, DataChange change) {
        return new DataChangeEvent("msg-" + sequence, OTHER, sequence, PUBLISHED_AT, change);
    }
}
