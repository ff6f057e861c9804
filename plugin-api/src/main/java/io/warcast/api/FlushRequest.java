package io.warcast.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Asks a listener to drop what it has cached of a data source, or of every data source.
 *
 * @param dataSource the data source to flush, or empty for all of them
 * @param reason why the flush is asked for
 * @param origin the participant that asked, empty when Warcast itself asks because changes were lost
 */
public record FlushRequest(Optional<String> dataSource, Reason reason, Optional<Origin> origin) {

    /** Why a cache must be flushed. */
    public enum Reason {
        /** Another participant called {@link DataNotifyService#flushCachedDatabaseData(String)}. */
        REQUESTED,
        /** Warcast could not deliver some changes to this listener; its cache may be stale. */
        MISSED_CHANGES
    }

    public FlushRequest {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(origin, "origin");
    }

    /** True when every data source must be flushed. */
    public boolean flushesAll() {
        return dataSource.isEmpty();
    }

    /** True when this request covers the given data source. */
    public boolean covers(String candidate) {
        return dataSource.isEmpty() || dataSource.get().equals(candidate);
    }
}
