package dev.episodebot.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlongsideTest {

    @Test
    void givenAPoolThatNeverGetsToTheWork_whenJoined_thenTheAskingThreadRunsItOnce() {
        // GIVEN a pool that only queues what it is given
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        Alongside<String> work = Alongside.offer(() -> runs.incrementAndGet() + " on " + Thread.currentThread().getName(),
                queued::add);

        // WHEN the asking thread joins, and the pool gets to its turn afterwards
        String result = work.join();
        queued.forEach(Runnable::run);

        // THEN the work ran once, on the asking thread
        assertThat(result).isEqualTo("1 on " + Thread.currentThread().getName());
        assertThat(runs).hasValue(1);
        assertThat(work.join()).isEqualTo(result);
    }

    @Test
    void givenAPoolThread_whenItRunsTheWorkFirst_thenJoinReturnsItsResultWithoutRunningItAgain() throws Exception {
        // GIVEN a pool thread that takes the work at once
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger runs = new AtomicInteger();
            Alongside<String> work = Alongside.offer(() -> {
                runs.incrementAndGet();
                return Thread.currentThread().getName();
            }, pool);
            pool.submit(() -> { }).get(); // the pool has run the work by now

            // WHEN joined / THEN the pool thread's result, from one run
            assertThat(work.join()).isNotEqualTo(Thread.currentThread().getName());
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenWorkThatFails_whenJoined_thenItsOwnExceptionIsThrown() {
        Alongside<String> work = Alongside.offer(() -> {
            throw new IllegalArgumentException("no such field");
        }, null);

        assertThatThrownBy(work::join).isInstanceOf(IllegalArgumentException.class).hasMessage("no such field");
    }
}
