package dev.episodebot.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * Operational limits of the adapter. {@link #defaults()} suits production; tests shorten the
 * timings. None of these is read from the environment.
 *
 * @param workers threads that handle updates; updates of one chat are still handled one at a time, in order
 * @param maxPendingUpdates updates received but not yet handled; past it polling waits (back-pressure)
 * @param longPollTimeout how long one {@code getUpdates} call may wait on the server for new updates
 * @param pollRetryMin the first pause after a failed {@code getUpdates}; doubles on each failure
 * @param pollRetryMax the longest pause between failed {@code getUpdates} calls
 * @param maxSendAttempts how often one outgoing call is tried when Telegram answers 429
 * @param maxRetryAfter the longest {@code retry_after} the adapter waits for; a longer one drops the message
 * @param typingInterval how often the {@code typing} action is repeated while an answer is prepared
 * @param shutdownGrace how long {@link TelegramAdapter#close()} waits for answers in flight
 */
public record TelegramTuning(
        int workers,
        int maxPendingUpdates,
        Duration longPollTimeout,
        Duration pollRetryMin,
        Duration pollRetryMax,
        int maxSendAttempts,
        Duration maxRetryAfter,
        Duration typingInterval,
        Duration shutdownGrace) {

    public TelegramTuning {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        if (maxPendingUpdates < 1) {
            throw new IllegalArgumentException("maxPendingUpdates must be at least 1");
        }
        if (maxSendAttempts < 1) {
            throw new IllegalArgumentException("maxSendAttempts must be at least 1");
        }
        Objects.requireNonNull(longPollTimeout, "longPollTimeout");
        Objects.requireNonNull(pollRetryMin, "pollRetryMin");
        Objects.requireNonNull(pollRetryMax, "pollRetryMax");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(typingInterval, "typingInterval");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (pollRetryMax.compareTo(pollRetryMin) < 0) {
            throw new IllegalArgumentException("pollRetryMax must not be shorter than pollRetryMin");
        }
    }

    /** Production values: 8 workers, 50 s long polls, poll retries from 0.5 s to 30 s, waits of up to 60 s on 429. */
    public static TelegramTuning defaults() {
        return new TelegramTuning(
                8,
                1000,
                Duration.ofSeconds(50),
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                5,
                Duration.ofSeconds(60),
                Duration.ofSeconds(4),
                Duration.ofSeconds(10));
    }

    /** A copy with another long-poll timeout. */
    public TelegramTuning withLongPollTimeout(Duration timeout) {
        return new TelegramTuning(workers, maxPendingUpdates, timeout, pollRetryMin, pollRetryMax, maxSendAttempts,
                maxRetryAfter, typingInterval, shutdownGrace);
    }

    /** A copy with other pauses after failed {@code getUpdates} calls. */
    public TelegramTuning withPollRetry(Duration min, Duration max) {
        return new TelegramTuning(workers, maxPendingUpdates, longPollTimeout, min, max, maxSendAttempts,
                maxRetryAfter, typingInterval, shutdownGrace);
    }

    /** A copy with another number of workers. */
    public TelegramTuning withWorkers(int count) {
        return new TelegramTuning(count, maxPendingUpdates, longPollTimeout, pollRetryMin, pollRetryMax,
                maxSendAttempts, maxRetryAfter, typingInterval, shutdownGrace);
    }
}
