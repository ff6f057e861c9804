package io.warcast.broadcast.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryPoolTest {

    @Test
    void shutdownNamesWhatIsStillRunningAtTheTimeLimitAndInterruptsIt() throws InterruptedException {
        DeliveryPool pool = new DeliveryPool(2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        pool.execute(named("listener [Slow] of application [/shop]", () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }));
        pool.execute(named("listener [Quick] of application [/shop]", () -> {}));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(pool.shutdown(100)).containsExactly("listener [Slow] of application [/shop]");
        assertThat(interrupted.await(5, TimeUnit.SECONDS))
                .as("the busy thread is interrupted")
                .isTrue();
    }

    @Test
    void shutdownNamesNothingWhenEverythingEndsInTime() throws InterruptedException {
        DeliveryPool pool = new DeliveryPool(1);
        pool.execute(named("quick", () -> {}));

        assertThat(pool.shutdown(5_000)).isEmpty();
    }

    private static Runnable named(String name, Runnable task) {
        return new Runnable() {
            @Override
            public void run() {
                task.run();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
