package dev.episodebot.core.overview;

import dev.episodebot.core.support.BoundedLruMap;
import java.util.Map;
import java.util.Optional;

/** A {@link SummaryCache} in this process, bounded: the least recently used summaries go first. */
public final class InMemorySummaryCache implements SummaryCache {

    private final Map<String, LlmOutline> entries;

    /** @param capacity summaries kept at most */
    public InMemorySummaryCache(int capacity) {
        this.entries = new BoundedLruMap<>(capacity);
    }

    @Override
    public synchronized Optional<LlmOutline> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized void put(String key, LlmOutline value) {
        entries.put(key, value);
    }
}
