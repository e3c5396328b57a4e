package dev.episodebot.core.state;

import java.time.Clock;
import java.util.Objects;

/**
 * One of each piece of state an instance keeps, and where it lives. The composition root builds
 * one ({@link #inMemory} without {@code REDIS_URL}, the Redis one of {@code bot-redis} with it),
 * hands it to the core and the adapters, and closes it last.
 */
public record SharedState(ConversationStore conversations, RateLimiter rateLimiter, AnswerMemory answers,
        DeliveryLedger deliveries, KeyValueCache cache, StateBackend backend) implements AutoCloseable {

    /** Conversations remembered at once (least recently used forgotten first). */
    public static final int CONVERSATIONS = 1_000;
    /** Messages remembered per conversation (six questions and their answers). */
    public static final int MESSAGES_PER_CONVERSATION = 12;
    /** Answers remembered for votes. */
    public static final int ANSWERS = 10_000;
    /** Deliveries remembered by the local ledger. */
    public static final int DELIVERIES = 100_000;
    /** Entries of the local cache. */
    public static final int CACHE_ENTRIES = 10_000;

    public SharedState {
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(rateLimiter, "rateLimiter");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(backend, "backend");
    }

    /** Everything in this process's memory, as one instance on its own keeps it. */
    public static SharedState inMemory(int rateLimitPerMinute, Clock clock) {
        return new SharedState(new InMemoryConversationStore(CONVERSATIONS, MESSAGES_PER_CONVERSATION),
                new InMemoryRateLimiter(rateLimitPerMinute, clock), new InMemoryAnswerMemory(ANSWERS),
                new InMemoryDeliveryLedger(DELIVERIES, clock), new InMemoryKeyValueCache(CACHE_ENTRIES, clock),
                StateBackend.LOCAL);
    }

    @Override
    public void close() {
        backend.close();
    }
}
