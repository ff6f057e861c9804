package io.warcast.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An append-only log that keeps its newest entries, thread-safe.
 *
 * <p>Every entry gets an index when it is appended: 0 for the first entry ever, 1 for the next, and so on. Once
 * the log holds {@code capacity} entries, each new one drops the oldest; indexes never shift, so a client paging
 * with {@link #page} keeps its place while the log moves on.
 *
 * @param <T> the entry type; entries should be immutable
 */
public final class BoundedLog<T> {

    private static final int INITIAL_SLOTS = 1024;

    private final int capacity;
    private Object[] slots;
    /** How many entries were ever appended; also the index the next entry gets. */
    private long appended;

    /** @param capacity how many entries the log keeps, at least 1 */
    public BoundedLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "A log must keep at least one entry, got a capacity of [" + capacity + "]");
        }
        this.capacity = capacity;
        this.slots = new Object[Math.min(capacity, INITIAL_SLOTS)];
    }

    /**
     * A run of consecutive entries.
     *
     * @param entries the entries, oldest first
     * @param firstIndex the index of the oldest entry the log still keeps
     * @param nextIndex the index the next appended entry will get
     */
    public record Page<T>(List<T> entries, long firstIndex, long nextIndex) {}

    /** Appends an entry, dropping the oldest when the log is full. */
    public synchronized void append(T entry) {
        Objects.requireNonNull(entry, "entry");
        if (appended < capacity && appended == slots.length) {
            slots = Arrays.copyOf(slots, (int) Math.min(capacity, 2L * slots.length));
        }
        slots[slot(appended)] = entry;
        appended++;
    }

    /**
     * Up to {@code limit} entries starting at index {@code from}, oldest first. Where {@code from} is older than the
     * oldest entry kept, the page starts at the oldest kept; where it is at or past {@link Page#nextIndex} the page
     * is empty.
     */
    public synchronized Page<T> page(long from, int limit) {
        if (from < 0 || limit < 0) {
            throw new IllegalArgumentException(
                    "from and limit must not be negative, got [" + from + "] and [" + limit + "]");
        }
        long first = firstIndex();
        long start = Math.max(from, first);
        long end = Math.min(appended, start + limit);
        List<T> entries = new ArrayList<>((int) Math.max(0, end - start));
        for (long index = start; index < end; index++) {
            @SuppressWarnings("unchecked")
            T entry = (T) slots[slot(index)];
            entries.add(entry);
        }
        return new Page<>(List.copyOf(entries), first, appended);
    }

    /** Every entry the log keeps, oldest first. */
    public List<T> all() {
        return page(0, Integer.MAX_VALUE).entries();
    }

    /** How many entries the log keeps now. */
    public synchronized int size() {
        return (int) (appended - firstIndex());
    }

    public int capacity() {
        return capacity;
    }

    private long firstIndex() {
        return Math.max(0, appended - capacity);
    }

    private int slot(long index) {
        return (int) (index % slots.length);
    }
}
