package dev.episodebot.core.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Language;
import dev.episodebot.core.state.InMemoryKeyValueCache;
import dev.episodebot.core.state.KeyValueCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The LLM's titles and summary kept in the instance's key-value cache (Redis with {@code REDIS_URL}). */
class KeyValueSummaryCacheTest {

    private final KeyValueCache store = new InMemoryKeyValueCache(100, Clock.systemUTC());

    @Test
    void aSummaryWrittenThroughOneCacheIsReadThroughAnotherOnTheSameStore() {
        // GIVEN a summary with a section the LLM gave no title for, written by one instance
        String key = SummaryCache.key("hash-1", "fake-model", Language.ZH);
        LlmOutline outline = new LlmOutline(Arrays.asList("开场", null, "回到谷歌"), "这一期讲 Yi Tay 回到谷歌。");
        new KeyValueSummaryCache(store).put(key, outline);

        // WHEN another instance on the same store reads it
        // THEN it gets the same titles (the missing one still missing) and summary
        assertThat(new KeyValueSummaryCache(store).get(key)).contains(outline);
        assertThat(new KeyValueSummaryCache(store).get(SummaryCache.key("hash-2", "fake-model", Language.ZH))).isEmpty();
    }

    @Test
    void aValueThatDoesNotDecodeIsAMissAndIsDropped() {
        // GIVEN a damaged entry under a summary's key
        String key = SummaryCache.key("hash-1", "fake-model", Language.EN);
        store.put(key, "{not json", Duration.ofMinutes(1));

        // WHEN it is read, THEN it is a miss, and the entry is gone so the next summary replaces it
        assertThat(new KeyValueSummaryCache(store).get(key)).isEmpty();
        assertThat(store.get(key)).isEmpty();
    }
}
