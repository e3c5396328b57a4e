package dev.episodebot.core.index;

import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Work of one question offered to another core ({@link IndexView#alongside}): whichever comes first
 * runs it, a pool thread or the asking thread when it {@link #join}s, so a busy pool never keeps a
 * question waiting for work its own thread could have done.
 */
public final class Alongside<T> {

    private final AtomicBoolean claimed = new AtomicBoolean();
    private final FutureTask<T> task;

    private Alongside(Supplier<T> work) {
        this.task = new FutureTask<>(work::get);
    }

    static <T> Alongside<T> offer(Supplier<T> work, Executor pool) {
        Alongside<T> alongside = new Alongside<>(work);
        if (pool != null) {
            pool.execute(alongside::claimAndRun);
        }
        return alongside;
    }

    /** The work's result (run here if no pool thread has taken it yet), or what it threw. */
    public T join() {
        claimAndRun();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a search", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void claimAndRun() {
        if (claimed.compareAndSet(false, true)) {
            task.run();
        }
    }
}
