package io.warcast.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows one of the sample's paged, bounded logs (such as {@code /api/heard}) from its first entry: it remembers
 * what it has read and fetches only what came since, page by page, so polling a long log costs only its new
 * entries. Entries the log dropped before they were read fail loudly; they never go missing in silence.
 */
final class LogFollower {

    /**
     * One page of the log, as the sample sends it.
     *
     * @param entries the entries from the index asked for, oldest first
     * @param firstIndex the index of the oldest entry the log still keeps
     * @param nextIndex the index the log's next entry will get
     */
    record Page(List<JsonNode> entries, long firstIndex, long nextIndex) {}

    /** Fetches up to {@code limit} entries starting at index {@code from}. */
    @FunctionalInterface
    interface PageSource {
        Page fetch(long from, int limit);
    }

    private final String logName;
    private final int pageSize;
    private final PageSource source;
    /** Every entry read, oldest first; its size is the index of the next entry to read. */
    private final List<JsonNode> read = new ArrayList<>();

    /** @param logName names the log in failures, e.g. its address */
    LogFollower(String logName, int pageSize, PageSource source) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one entry, got a page size of " + pageSize);
        }
        this.logName = logName;
        this.pageSize = pageSize;
        this.source = source;
    }

    /**
     * Reads what the log got since the last call, then returns every entry read so far, oldest first.
     *
     * @throws IllegalStateException when the log dropped entries not read yet, or has fewer entries than were read
     */
    synchronized List<JsonNode> readAll() {
        Page page;
        do {
            page = source.fetch(read.size(), pageSize);
            expectContinuous(page);
            read.addAll(page.entries());
        } while (!page.entries().isEmpty() && read.size() < page.nextIndex());
        return List.copyOf(read);
    }

    private void expectContinuous(Page page) {
        long position = read.size();
        if (page.nextIndex() < position) {
            throw new IllegalStateException(logName + " has " + page.nextIndex() + " entries, fewer than the "
                    + position + " already read from it: the application restarted, or this client now talks to"
                    + " another copy of it");
        }
        if (page.firstIndex() > position) {
            throw new IllegalStateException(logName + " dropped its entries " + position + " to "
                    + (page.firstIndex() - 1) + " before they were read: it keeps only its newest entries, so read it"
                    + " more often or let fewer entries pile up between reads");
        }
    }
}
