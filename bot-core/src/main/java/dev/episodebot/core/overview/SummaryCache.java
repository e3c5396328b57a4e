package dev.episodebot.core.overview;

import java.util.Optional;

/**
 * Where the LLM's titles and summaries are kept, by episode content hash, model name and language
 * ({@link #key}), so each is written once. In memory by default ({@link InMemorySummaryCache}); a
 * shared store (Redis) can stand behind the same two methods.
 */
public interface SummaryCache {

    Optional<LlmOutline> get(String key);

    void put(String key, LlmOutline value);

    /** The key of one episode version's summary by one model in one language. */
    static String key(String contentHash, String model, dev.episodebot.core.Language language) {
        return "llm-outline-v1:" + contentHash + ":" + model + ":" + language.name().toLowerCase(java.util.Locale.ROOT);
    }
}
