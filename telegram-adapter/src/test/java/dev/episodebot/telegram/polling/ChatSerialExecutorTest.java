package dev.episodebot.telegram.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChatSerialExecutorTest {

    @Test
    void runsOneChatsTasksInOrderWhileOtherChatsRunAlongside() throws Exception {
        // GIVEN 4 threads and 5 chats with 200 tasks each, interleaved
        List<List<Integer>> seen = IntStream.range(0, 5).mapToObj(i -> (List<Integer>) new CopyOnWriteArrayList<Integer>())
                .toList();
        CountDownLatch done = new CountDownLatch(1000);
        try (ChatSerialExecutor executor = new ChatSerialExecutor(4, 10_000, "test")) {
            // WHEN the tasks are submitted
            for (int n = 0; n < 200; n++) {
                for (int chat = 0; chat < 5; chat++) {
                    int task = n;
                    int key = chat;
                    executor.submit(key, () -> {
                        seen.get(key).add(task);
                        done.countDown();
                    });
                }
            }

            // THEN each chat saw its tasks in submission order
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).allSatisfy(list -> assertThat(list).isSorted().hasSize(200));
        }
    }

    @Test
    void aBlockedChatDoesNotHoldUpAnother() throws Exception {
        // GIVEN chat A blocked in its first task
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        try (ChatSerialExecutor executor = new ChatSerialExecutor(2, 100, "test")) {
            executor.submit("A", () -> await(release));

            // WHEN chat B submits
            executor.submit("B", otherRan::countDown);

            // THEN B runs meanwhile
            assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }
    }

    @Test
    void aFailingTaskDoesNotStopItsChat() throws Exception {
        // GIVEN a chat whose first task throws
        CountDownLatch second = new CountDownLatch(1);
        try (ChatSerialExecutor executor = new ChatSerialExecutor(1, 100, "test")) {
            executor.submit("A", () -> {
                throw new IllegalStateException("boom");
            });

            // WHEN a second task follows THEN it runs
            executor.submit("A", second::countDown);
            assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void submitWaitsForRoomWhenFull() throws Exception {
        // GIVEN an executor with room for one task, taken by a blocked task
        CountDownLatch release = new CountDownLatch(1);
        ChatSerialExecutor executor = new ChatSerialExecutor(1, 1, "test");
        executor.submit("A", () -> await(release));
        AtomicBoolean submitted = new AtomicBoolean(false);

        // WHEN another task is submitted
        Thread producer = new Thread(() -> {
            try {
                executor.submit("B", () -> { });
                submitted.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        producer.join(200);

        // THEN it waits until the first task is done
        assertThat(submitted).isFalse();
        release.countDown();
        producer.join(5000);
        assertThat(submitted).isTrue();
        assertThat(executor.close(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void closeLetsQueuedTasksFinishAndRefusesNewOnes() throws Exception {
        // GIVEN queued tasks
        CountDownLatch ran = new CountDownLatch(3);
        ChatSerialExecutor executor = new ChatSerialExecutor(1, 100, "test");
        for (int i = 0; i < 3; i++) {
            executor.submit("A", ran::countDown);
        }

        // WHEN closed THEN they ran, and later submissions are refused
        assertThat(executor.close(Duration.ofSeconds(5))).isTrue();
        assertThat(ran.getCount()).isZero();
        assertThat(executor.submit("A", () -> { })).isFalse();
        assertThat(executor.pending()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
