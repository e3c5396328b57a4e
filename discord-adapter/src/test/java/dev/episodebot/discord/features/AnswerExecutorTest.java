package dev.episodebot.discord.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link AnswerExecutor}: bounded, off the caller's thread, and closing lets work in flight finish. */
class AnswerExecutorTest {

    @Test
    void refusesWorkWhenWorkersAndQueueAreFull() throws Exception {
        // GIVEN one worker blocked on a task and a queue of one, filled
        AnswerExecutor executor = new AnswerExecutor("test", 1, 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        assertThat(executor.submit(() -> {
            running.countDown();
            await(release);
        })).isTrue();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.submit(() -> { })).isTrue();

        // WHEN one more task comes
        // THEN it is refused
        assertThat(executor.submit(() -> { })).isFalse();
        release.countDown();
        assertThat(executor.close(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void closeStopsIntakeAndWaitsForTasksInFlight() throws Exception {
        // GIVEN a task in flight
        AnswerExecutor executor = new AnswerExecutor("test", 2, 4);
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        executor.submit(() -> {
            running.countDown();
            sleepQuietly(300);
            finished.incrementAndGet();
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        // WHEN the executor is closed
        boolean allFinished = executor.close(Duration.ofSeconds(5));

        // THEN the task finished first, and no new task is taken
        assertThat(allFinished).isTrue();
        assertThat(finished.get()).isEqualTo(1);
        assertThat(executor.isAccepting()).isFalse();
        assertThat(executor.submit(() -> { })).isFalse();
    }

    @Test
    void closeIsBoundedAndInterruptsStragglers() throws Exception {
        // GIVEN a task that would never end on its own
        AnswerExecutor executor = new AnswerExecutor("test", 1, 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        executor.submit(() -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        // WHEN the executor is closed with a short grace
        boolean allFinished = executor.close(Duration.ofMillis(200));

        // THEN closing returns, reporting the straggler, which is interrupted
        assertThat(allFinished).isFalse();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis); // simulates an answer that takes a while
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
