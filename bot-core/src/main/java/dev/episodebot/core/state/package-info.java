/**
 * The state that several instances of the bot share when they run as one bot, each piece behind a
 * small interface with an in-memory implementation: conversation memory
 * ({@link dev.episodebot.core.state.ConversationStore}), per-user rate limits
 * ({@link dev.episodebot.core.state.RateLimiter}), the answers remembered for votes
 * ({@link dev.episodebot.core.state.AnswerMemory}), which platform deliveries were taken
 * ({@link dev.episodebot.core.state.DeliveryLedger}: an update answered once) and a generic cache
 * of derived values ({@link dev.episodebot.core.state.KeyValueCache}).
 * {@link dev.episodebot.core.state.SharedState} bundles one of each; {@code SharedState.inMemory}
 * is what one instance uses on its own (no {@code REDIS_URL}). The Redis implementations live in
 * the {@code bot-redis} module, so this package stays free of any client library.
 */
package dev.episodebot.core.state;
