package dev.episodebot.core.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.state.KeyValueCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SummaryCache} on the instance's {@link KeyValueCache}: in this process without
 * {@code REDIS_URL}, in Redis with it, so the LLM writes one episode version's titles and summary
 * once for every instance. Values are JSON; one that does not decode counts as a miss.
 */
public final class KeyValueSummaryCache implements SummaryCache {

    /** Keys hold the content hash, so an entry never goes stale; the time only bounds what is kept. */
    static final Duration KEEP = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(KeyValueSummaryCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyValueCache cache;

    public KeyValueSummaryCache(KeyValueCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public Optional<LlmOutline> get(String key) {
        return cache.get(key).flatMap(json -> {
            try {
                return Optional.of(JSON.readValue(json, LlmOutline.class));
            } catch (IOException | RuntimeException e) {
                log.warn("Ignoring a cached LLM summary that does not decode ({}); it is written again.",
                        e.getClass().getSimpleName());
                cache.remove(key);
                return Optional.empty();
            }
        });
    }

    @Override
    public void put(String key, LlmOutline value) {
        try {
            cache.put(key, JSON.writeValueAsString(value), KEEP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
