package dev.episodebot.core.bot;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A global cap on questions being answered, with a bounded queue: past the queue a caller is
 * told the bot is busy at once, instead of piling up memory.
 */
final class InFlightLimiter {

    private final Semaphore permits;
    private final int maxQueued;
    private final long maxWaitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    InFlightLimiter(int maxInFlight, int maxQueued, long maxWaitMillis) {
        this.permits = new Semaphore(maxInFlight, true);
        this.maxQueued = maxQueued;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** True when the caller may proceed (and must {@link #release()}); false when the bot is busy. */
    boolean enter() {
        if (permits.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > maxQueued) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    void release() {
        permits.release();
    }

    int inFlight(int max) {
        return max - permits.availablePermits();
    }
}
