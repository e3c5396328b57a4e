package dev.episodebot.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An embedding model that counts the texts it embeds in batches and the wall time spent inside
 * those calls: the model's own rate during a build, measured in the same moments (and under the
 * same machine load) as the build itself. Single texts (queries) pass through uncounted.
 */
public final class TimedEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();

    public TimedEmbeddingModel(EmbeddingModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        long start = System.nanoTime();
        try {
            return delegate.embedAll(segments);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
            texts.addAndGet(segments.size());
        }
    }

    @Override
    public Response<Embedding> embed(String text) {
        return delegate.embed(text);
    }

    @Override
    public Response<Embedding> embed(TextSegment segment) {
        return delegate.embed(segment);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    /** Seconds spent inside batch calls. */
    public double seconds() {
        return nanos.get() / 1e9;
    }

    /** Texts embedded in batch calls. */
    public long texts() {
        return texts.get();
    }

    /** Texts per second inside batch calls (0 before any). */
    public double rate() {
        double s = seconds();
        return s == 0 ? 0 : texts() / s;
    }
}
