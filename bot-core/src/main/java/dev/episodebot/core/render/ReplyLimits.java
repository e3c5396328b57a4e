package dev.episodebot.core.render;

import dev.episodebot.core.config.Env;

/**
 * How much of one reply a chat platform sends at once.
 *
 * @param maxMessages {@code MAX_REPLY_MESSAGES}: messages sent for one reply (default 4); the rest waits
 *     behind a "more" button
 * @param storedReplies continuations kept for "more" buttons at most
 * @param storedChars characters kept for "more" buttons at most, in all
 */
public record ReplyLimits(int maxMessages, int storedReplies, long storedChars) {

    public static final String MAX_MESSAGES_VARIABLE = "MAX_REPLY_MESSAGES";
    public static final int DEFAULT_MAX_MESSAGES = 4;

    public ReplyLimits {
        if (maxMessages < 1 || storedReplies < 1 || storedChars < 1) {
            throw new IllegalArgumentException("reply limits must be positive");
        }
    }

    /** 4 messages per reply; 256 continuations of at most 8 M characters in all. */
    public static ReplyLimits defaults() {
        return new ReplyLimits(DEFAULT_MAX_MESSAGES, 256, 8L << 20);
    }

    /** Reads {@code MAX_REPLY_MESSAGES} (1 to 20). */
    public static ReplyLimits from(Env env) {
        ReplyLimits defaults = defaults();
        return new ReplyLimits(env.integer(MAX_MESSAGES_VARIABLE, DEFAULT_MAX_MESSAGES, 1, 20), defaults.storedReplies(),
                defaults.storedChars());
    }

    /** A store for the continuations of {@code T} messages within these limits. */
    public <T> Continuations<T> continuations(java.util.function.ToIntFunction<T> weigher) {
        return new Continuations<>(storedReplies, storedChars, weigher);
    }
}
