package dev.episodebot.core.embedding;

import dev.episodebot.core.support.BoundedLruMap;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Embeds queries once, with the model's query instruction prefix: the dense side of every query
 * variant and repeated questions reuse the vector (a small LRU of recent queries). The model may
 * still be loading when this is created; it is awaited on the first query.
 */
public final class QueryEmbedder {

    private static final int CAPACITY = 512;

    private final Supplier<EmbeddingModel> model;
    private final String prefix;
    private final Map<String, float[]> recent = new BoundedLruMap<>(CAPACITY);

    public QueryEmbedder(Supplier<EmbeddingModel> model, String prefix) {
        this.model = model;
        this.prefix = prefix;
    }

    public float[] embed(String query) {
        synchronized (recent) {
            float[] vector = recent.get(query);
            if (vector != null) {
                return vector;
            }
        }
        float[] vector = model.get().embed(prefix + query).content().vector();
        synchronized (recent) {
            recent.put(query, vector);
        }
        return vector;
    }
}
