package dev.episodebot.core.testing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every vector a real model computed, by text, for the life of the test JVM: many test
 * cores over the same episode then cost one embedding pass. Vectors are the real model's, so
 * retrieval quality is unchanged. Tests that count what the core embeds wrap this in a
 * {@link CountingEmbeddingModel} (the core's requests are counted, not the model's work).
 */
public final class MemoizingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final Map<String, Embedding> memo = new ConcurrentHashMap<>();

    public MemoizingEmbeddingModel(EmbeddingModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<TextSegment> missing = new ArrayList<>();
        for (TextSegment segment : segments) {
            if (!memo.containsKey(segment.text())) {
                missing.add(segment);
            }
        }
        if (!missing.isEmpty()) {
            List<Embedding> computed = delegate.embedAll(missing).content();
            for (int i = 0; i < missing.size(); i++) {
                memo.put(missing.get(i).text(), computed.get(i));
            }
        }
        List<Embedding> result = new ArrayList<>(segments.size());
        for (TextSegment segment : segments) {
            result.add(memo.get(segment.text()));
        }
        return Response.from(result);
    }

    @Override
    public Response<Embedding> embed(TextSegment segment) {
        return Response.from(embedAll(List.of(segment)).content().get(0));
    }

    @Override
    public Response<Embedding> embed(String text) {
        return embed(TextSegment.from(text));
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }
}
