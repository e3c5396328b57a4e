package dev.episodebot.telegram.polling;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

/**
 * Builds each {@code getUpdates} call: the offset continues after both the library's last received
 * update and the {@link UpdateLedger} (so the first poll after a restart confirms what was handled
 * before it), and only messages and button presses are asked for.
 */
public final class LedgerGetUpdatesGenerator implements Function<Integer, GetUpdates> {

    /** The update types the adapter handles. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    private final UpdateLedger ledger;
    private final int timeoutSeconds;

    public LedgerGetUpdatesGenerator(UpdateLedger ledger, Duration longPollTimeout) {
        this.ledger = ledger;
        this.timeoutSeconds = (int) Math.max(0, Math.min(Integer.MAX_VALUE, longPollTimeout.toSeconds()));
    }

    @Override
    public GetUpdates apply(Integer lastReceivedUpdate) {
        long last = Math.max(lastReceivedUpdate == null ? 0 : lastReceivedUpdate, ledger.highestAdmitted());
        return GetUpdates.builder()
                .offset((int) Math.min(Integer.MAX_VALUE, last + 1))
                .limit(100)
                .timeout(timeoutSeconds)
                .allowedUpdates(ALLOWED_UPDATES)
                .build();
    }
}
