package dev.episodebot.telegram.polling;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

/**
 * Builds each {@code getUpdates} call. The offset confirms to Telegram only what the
 * {@link UpdateLedger} has done (its watermark): an update still being answered, or still queued,
 * stays on Telegram's side, so if a shutdown cuts it Telegram delivers it again after the restart
 * (the library drops the copies it already handed over while running). As long as such updates
 * are pending, Telegram answers each poll at once with them; when a poll brought nothing new, the
 * next waits until an update is done or {@link #BUSY_POLL_PAUSE_MILLIS} passed, so polling never
 * spins. Only messages and button presses are asked for.
 */
public final class LedgerGetUpdatesGenerator implements Function<Integer, GetUpdates> {

    /** The update types the adapter handles. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    /** The longest pause before polling again while updates are pending and the last poll brought nothing new. */
    public static final long BUSY_POLL_PAUSE_MILLIS = 500;

    private final UpdateLedger ledger;
    private final int timeoutSeconds;
    private int previousLastReceived = -1;

    public LedgerGetUpdatesGenerator(UpdateLedger ledger, Duration longPollTimeout) {
        this.ledger = ledger;
        this.timeoutSeconds = (int) Math.max(0, Math.min(Integer.MAX_VALUE, longPollTimeout.toSeconds()));
    }

    @Override
    public GetUpdates apply(Integer lastReceivedUpdate) {
        int lastReceived = lastReceivedUpdate == null ? 0 : lastReceivedUpdate;
        if (lastReceived == previousLastReceived && ledger.hasPending()) {
            try {
                ledger.awaitProgress(BUSY_POLL_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: the poll that follows is cancelled
            }
        }
        previousLastReceived = lastReceived;
        return GetUpdates.builder()
                .offset((int) Math.min(Integer.MAX_VALUE, ledger.watermark() + 1))
                .limit(100)
                .timeout(timeoutSeconds)
                .allowedUpdates(ALLOWED_UPDATES)
                .build();
    }
}
