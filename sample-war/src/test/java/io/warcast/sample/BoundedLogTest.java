package io.warcast.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BoundedLogTest {

    @Test
    void keepsEverythingUpToItsCapacityOldestFirst() {
        BoundedLog<Integer> log = logOf(5, 3);

        assertThat(log.all()).containsExactly(0, 1, 2);
        assertThat(log.size()).isEqualTo(3);
    }

    @Test
    void dropsTheOldestOnceFull() {
        BoundedLog<Integer> log = logOf(5, 12);

        assertThat(log.all()).containsExactly(7, 8, 9, 10, 11);
        assertThat(log.size()).isEqualTo(5);
    }

    @Test
    void growsPastItsInitialSlotsWithoutLosingOrder() {
        BoundedLog<Integer> log = logOf(100_000, 5_000);

        assertThat(log.all()).hasSize(5_000).startsWith(0, 1, 2).endsWith(4_998, 4_999);
    }

    @Test
    void keepsTheNewestHundredThousand() {
        BoundedLog<Integer> log = logOf(SampleApp.HEARD_CHANGES_KEPT, 100_010);

        BoundedLog.Page<Integer> page = log.page(0, Integer.MAX_VALUE);
        assertThat(page.entries()).hasSize(100_000).startsWith(10).endsWith(100_009);
        assertThat(page.firstIndex()).isEqualTo(10);
        assertThat(page.nextIndex()).isEqualTo(100_010);
    }

    @Test
    void pagesByIndexWithALimit() {
        BoundedLog<Integer> log = logOf(100, 10);

        BoundedLog.Page<Integer> page = log.page(3, 4);

        assertThat(page.entries()).containsExactly(3, 4, 5, 6);
        assertThat(page.firstIndex()).isZero();
        assertThat(page.nextIndex()).isEqualTo(10);
    }

    @Test
    void indexesDoNotShiftWhenOldEntriesAreDropped() {
        BoundedLog<Integer> log = logOf(4, 6);

        assertThat(log.page(4, 10).entries())
                .as("entries 4 and 5 keep their indexes after 0 and 1 were dropped")
                .containsExactly(4, 5);
        assertThat(log.page(0, 1).entries())
                .as("a page from a dropped index starts at the oldest kept")
                .containsExactly(2);
    }

    @Test
    void aPageAtOrPastTheEndIsEmpty() {
        BoundedLog<Integer> log = logOf(10, 3);

        assertThat(log.page(3, 10).entries()).isEmpty();
        assertThat(log.page(1_000, 10).entries()).isEmpty();
        assertThat(log.page(0, 0).entries()).isEmpty();
        assertThat(log.page(0, 0).nextIndex()).isEqualTo(3);
    }

    @Test
    void pagingThroughAFullLogReadsEveryKeptEntryOnce() {
        BoundedLog<Integer> log = logOf(1_000, 2_500);

        List<Integer> read = new ArrayList<>();
        long from = 0;
        while (true) {
            BoundedLog.Page<Integer> page = log.page(from, 300);
            if (page.entries().isEmpty()) {
                break;
            }
            read.addAll(page.entries());
            from = Math.max(from, page.firstIndex()) + page.entries().size();
        }

        assertThat(read)
                .containsExactlyElementsOf(IntStream.range(1_500, 2_500).boxed().toList());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedLog<>(0));
        BoundedLog<String> log = new BoundedLog<>(3);
        assertThrows(IllegalArgumentException.class, () -> log.page(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> log.page(0, -1));
        assertThrows(NullPointerException.class, () -> log.append(null));
    }

    @Test
    void concurrentAppendsAreAllCounted() throws Exception {
        BoundedLog<Long> log = new BoundedLog<>(50_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> writers = LongStream.range(0, 4)
                    .mapToObj(writer -> pool.submit(() -> {
                        start.await();
                        for (long i = 0; i < 20_000; i++) {
                            log.append(writer * 100_000 + i);
                        }
                        return null;
                    }))
                    .<Future<?>>map(future -> future)
                    .toList();
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        BoundedLog.Page<Long> page = log.page(0, Integer.MAX_VALUE);
        assertThat(page.nextIndex()).isEqualTo(80_000);
        assertThat(page.entries()).hasSize(50_000).doesNotHaveDuplicates();
    }

    private static BoundedLog<Integer> logOf(int capacity, int entries) {
        BoundedLog<Integer> log = new BoundedLog<>(capacity);
        for (int i = 0; i < entries; i++) {
            log.append(i);
        }
        return log;
    }
}
