package dev.episodebot.telegram.polling;

import java.util.TreeSet;

/**
 * Which updates are taken and which are done. An update is admitted once; the highest id below
 * which every admitted update is done (the watermark) is persisted, with the ids above it that are
 * done too, so after a restart the redelivered updates that were handled are dropped. Only the
 * watermark is confirmed to Telegram ({@link LedgerGetUpdatesGenerator}): an update that is never
 * completed (cut by a shutdown) is delivered again after the restart, and answered then.
 */
public final class UpdateLedger {

    private final OffsetStore store;
    private final TreeSet<Long> pending = new TreeSet<>();
    /** Done ids above the watermark (an earlier one is still pending). */
    private final TreeSet<Long> doneAbove = new TreeSet<>();
    private long highestAdmitted;
    private long watermark;

    public UpdateLedger(OffsetStore store) {
        this.store = store;
        this.watermark = store.load().orElse(0L);
        this.highestAdmitted = watermark;
        for (long id : store.loadHandledAfter()) {
            if (id > watermark) {
                doneAbove.add(id);
            }
        }
    }

    /** Takes {@code updateId} for handling; false when it was taken before (a redelivery). */
    public synchronized boolean admit(long updateId) {
        if (updateId <= highestAdmitted) {
            return false;
        }
        highestAdmitted = updateId;
        if (doneAbove.contains(updateId)) {
            advance(); // handled before the restart
            return false;
        }
        pending.add(updateId);
        return true;
    }

    /** Marks {@code updateId} handled (answered, ignored or failed) and persists the new watermark. */
    public synchronized void complete(long updateId) {
        if (!pending.remove(updateId)) {
            return;
        }
        doneAbove.add(updateId);
        advance();
        notifyAll();
    }

    /** Moves the watermark up to the first pending id and persists what is done. */
    private void advance() {
        long newWatermark = pending.isEmpty() ? highestAdmitted : pending.first() - 1;
        boolean moved = newWatermark > watermark;
        if (moved) {
            watermark = newWatermark;
        }
        boolean pruned = doneAbove.removeIf(id -> id <= watermark);
        if (moved || !doneAbove.isEmpty() || pruned) {
            store.save(watermark, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(doneAbove)));
        }
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
