package dev.episodebot.discord.features;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's own bounded executor for answering, so that no answer ever runs on JDA's event
 * thread: a fixed number of worker threads and a bounded queue. When both are full, or once
 * closing has begun, {@link #submit(Runnable)} refuses the task and the caller tells the user the
 * bot is busy. {@link #close(Duration)} stops intake and lets the tasks in flight finish, bounded.
 */
public final class AnswerExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerExecutor.class);

    private final ThreadPoolExecutor pool;

    /**
     * @param name the thread name prefix, e.g. {@code discord-answer}
     * @param workers how many tasks run at once
     * @param queueCapacity how many tasks may wait; 0 for none
     */
    public AnswerExecutor(String name, int workers, int queueCapacity) {
        if (workers < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("workers must be at least 1 and queueCapacity at least 0");
        }
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>()
                : queueCapacity > 10_000 ? new LinkedBlockingQueue<>(queueCapacity)
                : new ArrayBlockingQueue<>(queueCapacity);
        this.pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, queue, threads(name),
                new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Queues a task.
     *
     * @return false when the executor is full or closing (the task will not run)
     */
    public boolean submit(Runnable task) {
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("An answer task failed.", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Whether new tasks are still taken (not closing). */
    public boolean isAccepting() {
        return !pool.isShutdown();
    }

    /**
     * Stops taking tasks and waits up to {@code grace} for the queued and running ones; then
     * interrupts whatever is left. Never throws.
     *
     * @return true when every task finished in time
     */
    public boolean close(Duration grace) {
        pool.shutdown();
        try {
            if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            int dropped = pool.shutdownNow().size();
            LOG.warn("Answers still running after {} s were interrupted ({} queued were dropped).",
                    grace.toSeconds(), dropped);
            return false;
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
