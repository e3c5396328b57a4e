package dev.episodebot.core.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Embeds texts through the cache: only texts never seen before reach the model; new vectors are
 * added to the cache batch by batch, so an interrupted build keeps what it computed.
 */
public final class CachingEmbedder {

    /** Vectors for the requested texts (same order), and how many were computed vs taken from the cache. */
    public record Outcome(List<float[]> vectors, int embedded, int reused) {}

    private static final int BATCH = 128;

    private final EmbeddingModel model;
    private final EmbeddingModelSpec spec;
    private final EmbeddingCache cache;

    public CachingEmbedder(EmbeddingModel model, EmbeddingModelSpec spec, EmbeddingCache cache) {
        this.model = model;
        this.spec = spec;
        this.cache = cache;
    }

    public EmbeddingModelSpec spec() {
        return spec;
    }

    /** The embedding model itself (for texts that should not go to the cache). */
    public EmbeddingModel model() {
        return model;
    }

    public EmbeddingCache cache() {
        return cache;
    }

    /**
     * Vectors for {@code texts}.
     *
     * @param progress told how many of the texts missing from the cache are embedded so far
     */
    public Outcome embedAll(List<String> texts, IndexingListener progress) {
        Map<String, float[]> found = new HashMap<>();
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        for (String text : texts) {
            if (found.containsKey(text) || missing.contains(text)) {
                continue;
            }
            float[] cached = cache.get(text);
            if (cached != null) {
                found.put(text, cached);
            } else {
                missing.add(text);
            }
        }
        List<String> toEmbed = new ArrayList<>(missing);
        int done = 0;
        for (int from = 0; from < toEmbed.size(); from += BATCH) {
            List<String> batch = toEmbed.subList(from, Math.min(toEmbed.size(), from + BATCH));
            List<TextSegment> segments = new ArrayList<>(batch.size());
            for (String text : batch) {
                segments.add(TextSegment.from(text));
            }
            List<Embedding> embeddings = model.embedAll(segments).content();
            List<float[]> vectors = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                float[] vector = embeddings.get(i).vector();
                vectors.add(vector);
                found.put(batch.get(i), vector);
            }
            cache.putAll(batch, vectors);
            done += batch.size();
            progress.embedded(done, toEmbed.size());
        }
        List<float[]> result = new ArrayList<>(texts.size());
        for (String text : texts) {
            result.add(found.get(text));
        }
        return new Outcome(result, toEmbed.size(), texts.size() - toEmbed.size());
    }

    /** The query's vector, with the model's query instruction prefix. */
    public float[] embedQuery(String query) {
        return model.embed(spec.queryPrefix() + query).content().vector();
    }
}
