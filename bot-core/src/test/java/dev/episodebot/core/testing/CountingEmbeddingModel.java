package dev.episodebot.core.testing;

import dev.episodebot.core.embedding.EmbeddingModelProvider;
import dev.episodebot.core.embedding.EmbeddingModelSpec;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wraps an {@link EmbeddingModel} and records every text the core asks it to embed, in order.
 * Pass {@link #provider(EmbeddingModelProvider)} to {@code BotCore.create(config, provider, chat,
 * clock)} (or to a {@code KnowledgeBase}) and read the counts from {@link Provider#model()}.
 *
 * <p>Optionally delays single-text calls ({@link #delayQueries(Duration)}), which is how the core
 * embeds questions, to simulate slow retrieval.
 */
public final class CountingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final List<String> texts = new ArrayList<>();
    private volatile Duration queryDelay = Duration.ZERO;

    public CountingEmbeddingModel(EmbeddingModel delegate) {
        this.delegate = delegate;
    }

    /** A provider that wraps what {@code delegate} creates; the last wrapper is kept. */
    public static Provider provider(EmbeddingModelProvider delegate) {
        return new Provider(delegate);
    }

    /** Every text embedded so far, in order (chunks, lines and prefixed questions alike). */
    public synchronized List<String> texts() {
        return List.copyOf(texts);
    }

    /** How many texts were embedded so far. */
    public synchronized int count() {
        return texts.size();
    }

    /** Forgets what was recorded (to count one step only). */
    public synchronized void reset() {
        texts.clear();
    }

    /** Makes every single-text {@code embed} call (the core's question embedding) wait this long first. */
    public CountingEmbeddingModel delayQueries(Duration delay) {
        this.queryDelay = delay;
        return this;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        synchronized (this) {
            segments.forEach(s -> texts.add(s.text()));
        }
        return delegate.embedAll(segments);
    }

    @Override
    public Response<Embedding> embed(TextSegment segment) {
        if (!queryDelay.isZero()) {
            try {
                Thread.sleep(queryDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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

    /** An {@link EmbeddingModelProvider} that hands out counting wrappers. */
    public static final class Provider implements EmbeddingModelProvider {

        private final EmbeddingModelProvider delegate;
        private final AtomicReference<CountingEmbeddingModel> last = new AtomicReference<>();
        private final AtomicReference<EmbeddingModelSpec> lastSpec = new AtomicReference<>();

        private Provider(EmbeddingModelProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public EmbeddingModel create(EmbeddingModelSpec spec) {
            CountingEmbeddingModel model = new CountingEmbeddingModel(delegate.create(spec));
            last.set(model);
            lastSpec.set(spec);
            return model;
        }

        /** The wrapper created last; fails when the core has not asked for a model yet. */
        public CountingEmbeddingModel model() {
            CountingEmbeddingModel model = last.get();
            if (model == null) {
                throw new IllegalStateException("no embedding model was created yet");
            }
            return model;
        }

        /** How many texts the model created last embedded; 0 when no model was created (nothing needed one). */
        public int embedded() {
            CountingEmbeddingModel model = last.get();
            return model == null ? 0 : model.count();
        }

        /** The spec of the model created last, or null. */
        public EmbeddingModelSpec spec() {
            return lastSpec.get();
        }
    }
}
