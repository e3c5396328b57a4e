package dev.episodebot.core.overview;

import java.util.Optional;

/**
 * Where the LLM's titles and summaries are kept, by episode content hash, model name and language
 * ({@link #key}), so each is written once: {@link KeyValueSummaryCache} keeps them in the instance's
 * key-value cache (this process's memory, or Redis shared by every instance).
 */
public interface SummaryCache {

    Optional<LlmOutline> get(String key);

    void put(String key, LlmOutline value);

    /** The key of one episode version's summary by one model in one language. */
    static String key(String contentHash, String model, dev.episodebot.core.Language language) {
        return "llm-outline-v1:" + contentHash + ":" + model + ":" + language.name().toLowerCase(java.util.Locale.ROOT);
    }
}
