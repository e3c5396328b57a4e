package dev.episodebot.core.retrieval;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** An embedding cache that lives only as long as the process (tests, {@code ask} without a cache folder). */
public final class InMemoryEmbeddingCache implements EmbeddingCache {

    private final ConcurrentHashMap<TextKey, float[]> vectors = new ConcurrentHashMap<>();

    @Override
    public float[] get(String text) {
        return vectors.get(TextKey.of(text));
    }

    @Override
    public void putAll(List<String> texts, List<float[]> list) {
        for (int i = 0; i < texts.size(); i++) {
            vectors.put(TextKey.of(texts.get(i)), list.get(i));
        }
    }

    @Override
    public int size() {
        return vectors.size();
    }
}
