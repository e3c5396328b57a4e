package dev.episodebot.telegram.polling;

import java.util.TreeSet;

/**
 * Which updates are taken and which are done. An update is admitted once; the highest id below
 * which every admitted update is done (the watermark) is persisted, so after a restart the
 * redelivered updates up to it are dropped and polling resumes after it. Only the watermark is
 * confirmed to Telegram ({@link LedgerGetUpdatesGenerator}): an update that is never completed
 * (cut by a shutdown) is delivered again after the restart.
 */
public final class UpdateLedger {

    private final OffsetStore store;
    private final TreeSet<Long> pending = new TreeSet<>();
    private long highestAdmitted;
    private long watermark;

    public UpdateLedger(OffsetStore store) {
        this.store = store;
        this.watermark = store.load().orElse(0L);
        this.highestAdmitted = watermark;
    }

    /** Takes {@code updateId} for handling; false when it was taken before (a redelivery). */
    public synchronized boolean admit(long updateId) {
        if (updateId <= highestAdmitted) {
            return false;
        }
        highestAdmitted = updateId;
        pending.add(updateId);
        return true;
    }

    /** Marks {@code updateId} handled (answered, ignored or failed) and persists the new watermark. */
    public synchronized void complete(long updateId) {
        if (!pending.remove(updateId)) {
            return;
        }
        long newWatermark = pending.isEmpty() ? highestAdmitted : pending.first() - 1;
        if (newWatermark > watermark) {
            watermark = newWatermark;
            store.save(newWatermark);
        }
        notifyAll();
    }

    /** Whether some admitted update is not done yet (Telegram still holds it, unconfirmed). */
    public synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /**
     * Waits until an update is completed or {@code maxWaitMillis} passed (returns at once when
     * nothing is pending). The poller waits here instead of asking again for the updates it holds.
     */
    public synchronized void awaitProgress(long maxWaitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitMillis * 1_000_000L;
        int before = pending.size();
        long left;
        while (!pending.isEmpty() && pending.size() >= before && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000L));
        }
    }

    /** The highest admitted id: polling asks for updates after it. */
    public synchronized long highestAdmitted() {
        return highestAdmitted;
    }

    /** The highest id up to which everything is handled. */
    public synchronized long watermark() {
        return watermark;
    }
}
