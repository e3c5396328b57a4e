package dev.episodebot.core.state;

import java.time.Duration;

/**
 * Which platform deliveries (a Telegram update, say) are taken, so that one delivered twice, or to
 * two instances, is answered once. A delivery is claimed before it is handled, completed once it
 * is handled, and released when it could not be handled (cut by a shutdown), so a later delivery
 * of it is taken again.
 */
public interface DeliveryLedger {

    /**
     * How long a claim holds without being completed: longer than any answer takes, so a claim
     * left by an instance that died mid-answer lapses and a later delivery is answered.
     */
    Duration CLAIM_HOLD = Duration.ofMinutes(10);

    /** How long a completed delivery is remembered: Telegram keeps undelivered updates for 24 hours. */
    Duration DONE_KEEP = Duration.ofHours(24);

    /** Takes {@code key}; false when it is claimed or done already (a duplicate). */
    boolean claim(String key);

    /** Marks a claimed {@code key} done: later claims fail for {@link #DONE_KEEP}. */
    void complete(String key);

    /** Gives a claimed, unfinished {@code key} back: the next claim takes it. */
    void release(String key);
}
