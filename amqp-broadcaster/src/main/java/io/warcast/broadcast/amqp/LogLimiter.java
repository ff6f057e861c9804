package io.warcast.broadcast.amqp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps events that can come in floods from filling the log: the first event of each key is logged in full, the
 * following ones are only counted, and at most once per {@link #INTERVAL} per key a summary gives their count and the
 * latest of them. The keys are a small fixed set chosen by the caller (reasons, not anything a message names), so the
 * memory stays bounded whatever arrives. No thread of its own: a summary that is due goes out with the next event of
 * its key, or when the caller asks for {@link #due()} ones. Called from one thread at a time.
 *
 * @param <K> what events are told apart by
 */
final class LogLimiter<K> {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<K, Unlogged> keys = new LinkedHashMap<>();

    LogLimiter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One line to log for a repeated event.
     *
     * @param first true for the first event of its key, to be logged in full; false for a summary
     * @param count the events this line stands for: 1 for the first, else all since the previous line
     * @param over the time since the previous line of this key; zero for the first
     * @param latest what the latest of them was
     */
    record Line<K>(K key, boolean first, long count, Duration over, String latest) {}

    /** An event of {@code key}, described by {@code sample}: the line to log for it now, if any. */
    Optional<Line<K>> event(K key, String sample) {
        Instant now = clock.instant();
        Unlogged unlogged = keys.get(key);
        if (unlogged == null) {
            keys.put(key, new Unlogged(now));
            return Optional.of(new Line<>(key, true, 1, Duration.ZERO, sample));
        }
        unlogged.count++;
        unlogged.latest = sample;
        return unlogged.isDue(now) ? Optional.of(unlogged.summary(key, now)) : Optional.empty();
    }

    /** The summaries of events that have waited for a line for {@link #INTERVAL} or longer, and are logged now. */
    List<Line<K>> due() {
        Instant now = clock.instant();
        List<Line<K>> lines = List.of(); // called for every message: nothing allocated while nothing is due
        for (Map.Entry<K, Unlogged> entry : keys.entrySet()) {
            Unlogged unlogged = entry.getValue();
            if (unlogged.count > 0 && unlogged.isDue(now)) {
                lines = lines.isEmpty() ? new ArrayList<>() : lines;
                lines.add(unlogged.summary(entry.getKey(), now));
            }
        }
        return lines;
    }

    /** The events of one key since its last line. */
    private static final class Unlogged {
        Instant lastLine;
        long count;
        String latest;

        Unlogged(Instant lastLine) {
            this.lastLine = lastLine;
        }

        boolean isDue(Instant now) {
            return !now.isBefore(lastLine.plus(INTERVAL));
        }

        <K> Line<K> summary(K key, Instant now) {
            Line<K> line = new Line<>(key, false, count, Duration.between(lastLine, now), latest);
            lastLine = now;
            count = 0;
            latest = null;
            return line;
        }
    }
}
