package io.warcast.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogFollowerTest {

    /** A bounded log like the sample's: entry i is the number i; it keeps the newest {@code capacity}. */
    private static final class FakeLog implements LogFollower.PageSource {
        private final int capacity;
        private final List<Long> fetchedFrom = new ArrayList<>();
        private long appended;

        FakeLog(int capacity) {
            this.capacity = capacity;
        }

        void append(int count) {
            appended += count;
        }

        /** As after the application restarted: a new log with {@code count} entries. */
        void restartWith(int count) {
            appended = count;
        }

        @Override
        public LogFollower.Page fetch(long from, int limit) {
            fetchedFrom.add(from);
            long first = Math.max(0, appended - capacity);
            long start = Math.max(from, first);
            List<JsonNode> entries = new ArrayList<>();
            for (long index = start; index < Math.min(appended, start + limit); index++) {
                entries.add(IntNode.valueOf((int) index));
            }
            return new LogFollower.Page(entries, first, appended);
        }
    }

    private final FakeLog log = new FakeLog(100);
    private final LogFollower follower = new LogFollower("the fake log", 10, log);

    @Test
    void readsEveryEntryPageByPage() {
        log.append(25);

        assertThat(follower.readAll()).map(JsonNode::asInt).containsExactlyElementsOf(range(0, 25));
        assertThat(log.fetchedFrom).as("pages of 10 from the first entry").containsExactly(0L, 10L, 20L);
    }

    @Test
    void aLaterReadFetchesOnlyTheNewEntriesAndReturnsAllOfThem() {
        log.append(5);
        follower.readAll();
        log.fetchedFrom.clear();
        log.append(3);

        assertThat(follower.readAll()).map(JsonNode::asInt).containsExactlyElementsOf(range(0, 8));
        assertThat(log.fetchedFrom).containsExactly(5L);
    }

    @Test
    void entriesDroppedBeforeTheyWereReadFailNamingThem() {
        log.append(5);
        follower.readAll();
        log.append(120);

        assertThatThrownBy(follower::readAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the fake log dropped its entries 5 to 24 before they were read");
    }

    @Test
    void aLogWithFewerEntriesThanWereReadFailsAsAnotherCopy() {
        log.append(5);
        follower.readAll();
        log.restartWith(2);

        assertThatThrownBy(follower::readAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the fake log has 2 entries, fewer than the 5 already read from it");
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
