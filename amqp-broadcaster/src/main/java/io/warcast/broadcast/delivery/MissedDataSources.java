package io.warcast.broadcast.delivery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data sources whose changes a listener missed, so it can be told to flush exactly those. Past {@link #LIMIT}
 * data sources it is simpler and as correct to flush everything.
 */
public final class MissedDataSources {

    static final int LIMIT = 100;

    private final Set<String> dataSources = new LinkedHashSet<>();
    private boolean all;

    public void add(String dataSource) {
        if (!all) {
            dataSources.add(dataSource);
            if (dataSources.size() > LIMIT) {
                addAll();
            }
        }
    }

    public void addAll() {
        all = true;
        dataSources.clear();
    }

    public boolean isEmpty() {
        return !all && dataSources.isEmpty();
    }

    /** The flushes to ask for, one per data source or a single one for all of them; forgets them. */
    public List<Optional<String>> drain() {
        List<Optional<String>> flushes = new ArrayList<>();
        if (all) {
            flushes.add(Optional.empty());
        } else {
            dataSources.forEach(dataSource -> flushes.add(Optional.of(dataSource)));
        }
        all = false;
        dataSources.clear();
        return flushes;
    }
}
