package io.warcast.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ItemCatalogTest {

    @Test
    void startsWithTheSeededItems() {
        assertThat(ItemCatalog.seeded().all()).extracting(Item::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void putTellsWhetherTheItemWasNew() {
        ItemCatalog catalog = new ItemCatalog();

        assertThat(catalog.put(new Item(7, "Kettle", 1)))
                .as("first put of item 7")
                .isTrue();
        assertThat(catalog.put(new Item(7, "Kettle XL", 2)))
                .as("second put of item 7")
                .isFalse();
        assertThat(catalog.get(7)).contains(new Item(7, "Kettle XL", 2));
    }

    @Test
    void listsItemsByAscendingId() {
        ItemCatalog catalog = new ItemCatalog();
        catalog.put(new Item(30, "c", 0));
        catalog.put(new Item(4, "a", 0));
        catalog.put(new Item(12, "b", 0));

        assertThat(catalog.all()).extracting(Item::id).containsExactly(4L, 12L, 30L);
    }

    @Test
    void removeReturnsWhatItRemoved() {
        ItemCatalog catalog = ItemCatalog.seeded();

        assertThat(catalog.remove(2))
                .hasValueSatisfying(item -> assertThat(item.id()).isEqualTo(2));
        assertThat(catalog.remove(2)).isEmpty();
        assertThat(catalog.get(2)).isEmpty();
    }

    @Test
    void clearForgetsEverything() {
        ItemCatalog catalog = ItemCatalog.seeded();

        catalog.clear();

        assertThat(catalog.all()).isEmpty();
        assertThat(catalog.size()).isZero();
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        ItemCatalog catalog = new ItemCatalog();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = IntStream.range(0, 8)
                    .mapToObj(writer -> pool.submit(() -> {
                        for (int i = 1; i <= 1000; i++) {
                            catalog.put(new Item(writer * 1000L + i, "item", i));
                        }
                    }))
                    .<Future<?>>map(future -> future)
                    .toList();
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(catalog.size()).isEqualTo(8000);
    }
}
