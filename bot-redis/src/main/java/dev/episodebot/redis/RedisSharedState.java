package dev.episodebot.redis;

import dev.episodebot.core.state.SharedState;
import java.time.Clock;

/** The {@link SharedState} of several instances, in one Redis. */
public final class RedisSharedState {

    private RedisSharedState() {}

    /**
     * Connects to Redis (an unreachable one is not an error: see {@link RedisLink}) and builds every
     * piece of state on it; closing the state closes the connection.
     */
    public static SharedState connect(RedisConfig config, int rateLimitPerMinute, Clock clock) {
        RedisLink redis = RedisLink.connect(config);
        return new SharedState(
                new RedisConversationStore(redis, SharedState.CONVERSATIONS, SharedState.MESSAGES_PER_CONVERSATION,
                        clock),
                new RedisRateLimiter(redis, rateLimitPerMinute, clock),
                new RedisAnswerMemory(redis, SharedState.ANSWERS),
                new RedisDeliveryLedger(redis, SharedState.DELIVERIES, clock),
                new RedisKeyValueCache(redis, SharedState.CACHE_ENTRIES, clock),
                redis);
    }
}
