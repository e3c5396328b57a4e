package dev.episodebot.core.state;

import dev.episodebot.core.support.BoundedLruMap;
import java.time.Clock;
import java.util.Map;

/** The deliveries taken by this process: at most {@code capacity} keys, each until its hold or keep time ends. */
public final class InMemoryDeliveryLedger implements DeliveryLedger {

    private final Clock clock;
    /** key → the instant (epoch millis) its claim or completion ends. */
    private final Map<String, Long> until;

    public InMemoryDeliveryLedger(int capacity, Clock clock) {
        this.clock = clock;
        this.until = new BoundedLruMap<>(capacity);
    }

    @Override
    public synchronized boolean claim(String key) {
        long now = clock.millis();
        Long end = until.get(key);
        if (end != null && end > now) {
            return false;
        }
        until.put(key, now + CLAIM_HOLD.toMillis());
        return true;
    }

    @Override
    public synchronized void complete(String key) {
        until.put(key, clock.millis() + DONE_KEEP.toMillis());
    }

    @Override
    public synchronized void release(String key) {
        until.remove(key);
    }
}
