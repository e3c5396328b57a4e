package dev.episodebot.core.embedding;

import dev.episodebot.core.support.BoundedLruMap;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Line and question vectors from the in-process embedding model. Line vectors are kept in a
 * bounded in-memory LRU: popular passages are embedded once; the index stores chunk vectors only.
 */
public final class CachedLineVectors implements LineVectors {

    private static final int CAPACITY = 50_000;

    private final Supplier<EmbeddingModel> model;
    private final QueryEmbedder queries;
    private final Map<String, float[]> recent = new BoundedLruMap<>(CAPACITY);

    public CachedLineVectors(EmbeddingModel model, QueryEmbedder queries) {
        this(() -> model, queries);
    }

    /** Line vectors from a model that may still be loading (awaited on first use). */
    public CachedLineVectors(Supplier<EmbeddingModel> model, QueryEmbedder queries) {
        this.model = model;
        this.queries = queries;
    }

    @Override
    public List<float[]> lines(List<String> texts) {
        float[][] result = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        synchronized (recent) {
            for (int i = 0; i < texts.size(); i++) {
                result[i] = recent.get(texts.get(i));
                if (result[i] == null) {
                    missing.add(i);
                }
            }
        }
        if (!missing.isEmpty()) {
            List<TextSegment> segments = new ArrayList<>(missing.size());
            for (int i : missing) {
                segments.add(TextSegment.from(texts.get(i)));
            }
            List<Embedding> embeddings = model.get().embedAll(segments).content();
            synchronized (recent) {
                for (int j = 0; j < missing.size(); j++) {
                    float[] vector = embeddings.get(j).vector();
                    result[missing.get(j)] = vector;
                    recent.put(texts.get(missing.get(j)), vector);
                }
            }
        }
        return List.of(result);
    }

    @Override
    public float[] query(String question) {
        return queries.embed(question);
    }
}
