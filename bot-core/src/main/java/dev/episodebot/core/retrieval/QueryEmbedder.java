package dev.episodebot.core.retrieval;

import dev.episodebot.core.support.BoundedLruMap;
import java.util.Map;

/**
 * Embeds queries once: the dense retriever of every query variant and repeated questions reuse
 * the vector (a small LRU of recent queries).
 */
public final class QueryEmbedder {

    private static final int CAPACITY = 512;

    private final CachingEmbedder embedder;
    private final Map<String, float[]> recent = new BoundedLruMap<>(CAPACITY);

    public QueryEmbedder(CachingEmbedder embedder) {
        this.embedder = embedder;
    }

    public float[] embed(String query) {
        synchronized (recent) {
            float[] vector = recent.get(query);
            if (vector != null) {
                return vector;
            }
        }
        float[] vector = embedder.embedQuery(query);
        synchronized (recent) {
            recent.put(query, vector);
        }
        return vector;
    }
}
