package dev.episodebot.telegram.polling;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded thread pool that runs tasks of different keys (chats) concurrently and tasks of one
 * key one at a time, in submission order. A key with a backlog yields its thread after each task,
 * so one busy chat cannot starve the others. At most {@code maxPending} tasks wait or run;
 * {@link #submit} blocks beyond that, which holds back polling (back-pressure) instead of
 * dropping messages.
 */
public final class ChatSerialExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatSerialExecutor.class);

    private final ThreadPoolExecutor pool;
    private final Semaphore capacity;
    private final Object lock = new Object();
    private final Map<Object, ArrayDeque<Runnable>> lanes = new HashMap<>();
    private volatile boolean closed;

    public ChatSerialExecutor(int threads, int maxPending, String threadNamePrefix) {
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                namedThreads(threadNamePrefix));
        this.pool.allowCoreThreadTimeOut(true);
        this.capacity = new Semaphore(maxPending);
    }

    /**
     * Queues {@code task} behind the earlier tasks of {@code key}; blocks while the executor is full.
     *
     * @return false when the executor is closed (the task is not run)
     * @throws InterruptedException when interrupted while waiting for room
     */
    public boolean submit(Object key, Runnable task) throws InterruptedException {
        if (closed) {
            return false;
        }
        capacity.acquire();
        boolean startLane;
        synchronized (lock) {
            if (closed) {
                capacity.release();
                return false;
            }
            ArrayDeque<Runnable> lane = lanes.get(key);
            startLane = lane == null;
            if (startLane) {
                lane = new ArrayDeque<>();
                lanes.put(key, lane);
            }
            lane.add(task);
        }
        if (startLane) {
            schedule(key);
        }
        return true;
    }

    /** Tasks queued or running. */
    public int pending() {
        synchronized (lock) {
            return lanes.values().stream().mapToInt(ArrayDeque::size).sum();
        }
    }

    /**
     * Stops taking tasks, lets the queued ones finish for up to {@code grace}, then interrupts the rest.
     *
     * @return true when everything finished in time
     */
    public boolean close(Duration grace) {
        closed = true;
        pool.shutdown();
        try {
            if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        return false;
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    private void schedule(Object key) {
        try {
            pool.execute(() -> drain(key));
        } catch (RejectedExecutionException e) {
            // shut down while the lane still has work: finish it on this thread
            drain(key);
        }
    }

    /** Runs the head of the lane, then hands the lane back to the pool (or retires it when empty). */
    private void drain(Object key) {
        while (true) {
            Runnable task;
            synchronized (lock) {
                task = lanes.get(key).peek();
            }
            try {
                task.run();
            } catch (Throwable t) {
                log.error("A task of {} failed", key, t);
            } finally {
                capacity.release();
            }
            synchronized (lock) {
                ArrayDeque<Runnable> lane = lanes.get(key);
                lane.poll();
                if (lane.isEmpty()) {
                    lanes.remove(key);
                    return;
                }
            }
            if (!pool.isShutdown()) {
                try {
                    pool.execute(() -> drain(key));
                    return;
                } catch (RejectedExecutionException e) {
                    // fall through: keep draining on this thread
                }
            }
        }
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }
}
