package dev.episodebot.core.retrieval;

import java.util.List;

/** Embeddings already computed, keyed by the text they embed (for one model). */
public interface EmbeddingCache {

    /** The cached vector for a text, or null. */
    float[] get(String text);

    /** Stores vectors for texts (same order). */
    void putAll(List<String> texts, List<float[]> vectors);

    /** How many vectors are cached. */
    int size();
}
