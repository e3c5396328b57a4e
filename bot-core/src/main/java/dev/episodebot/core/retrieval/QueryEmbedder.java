package dev.episodebot.core.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Embeds queries once: the dense retriever of every query variant and repeated questions reuse
 * the vector (a small LRU of recent queries).
 */
public final class QueryEmbedder {

    private static final int CAPACITY = 512;

    private final CachingEmbedder embedder;
    private final Map<String, float[]> recent = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CAPACITY;
        }
    };

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
