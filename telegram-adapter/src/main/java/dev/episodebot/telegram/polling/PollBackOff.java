package dev.episodebot.telegram.polling;

import java.time.Duration;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/** Pauses between failed {@code getUpdates} calls: from {@code min}, doubling, at most {@code max}. */
public final class PollBackOff implements BackOff {

    private final long minMillis;
    private final long maxMillis;
    private long nextMillis;

    public PollBackOff(Duration min, Duration max) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.nextMillis = minMillis;
    }

    @Override
    public synchronized void reset() {
        nextMillis = minMillis;
    }

    @Override
    public synchronized long nextBackOffMillis() {
        long current = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return current;
    }
}
