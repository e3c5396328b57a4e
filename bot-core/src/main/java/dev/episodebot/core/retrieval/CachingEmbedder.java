package dev.episodebot.core.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Embeds texts through the cache: only texts never seen before reach the model; new vectors are
 * added to the cache batch by batch, so an interrupted build keeps what it computed.
 *
 * <p>The model and the cache may still be loading when this is created (they load in parallel
 * with reading and chunking the knowledge): the cache is awaited on first use, the model only
 * when a text is missing from the cache or a query is embedded.
 */
public final class CachingEmbedder {

    /** Vectors for the requested texts (same order), and how many were computed vs taken from the cache. */
    public record Outcome(List<float[]> vectors, int embedded, int reused) {}

    /** Texts per model call: large enough that the executor's threads rarely wait for a batch's slowest text. */
    private static final int BATCH = 512;

    /** A cache loaded on first need, or earlier in the background when {@link #start} is called. */
    public static final class LazyCache {
        private final java.util.function.Supplier<EmbeddingCache> loader;
        private final java.util.concurrent.Executor executor;
        private final CompletableFuture<EmbeddingCache> future = new CompletableFuture<>();
        private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

        public LazyCache(java.util.function.Supplier<EmbeddingCache> loader, java.util.concurrent.Executor executor) {
            this.loader = loader;
            this.executor = executor;
        }

        static LazyCache of(EmbeddingCache cache) {
            LazyCache lazy = new LazyCache(() -> cache, Runnable::run);
            lazy.start();
            return lazy;
        }

        /** Starts loading (once). */
        public void start() {
            if (started.compareAndSet(false, true)) {
                executor.execute(() -> {
                    try {
                        future.complete(loader.get());
                    } catch (RuntimeException | Error e) {
                        future.completeExceptionally(e);
                    }
                });
            }
        }

        /** The load (started or not). */
        public CompletableFuture<EmbeddingCache> future() {
            return future;
        }
    }

    private final CompletableFuture<EmbeddingModel> model;
    private final EmbeddingModelSpec spec;
    private final LazyCache lazyCache;
    private final CompletableFuture<EmbeddingCache> cache;

    public CachingEmbedder(EmbeddingModel model, EmbeddingModelSpec spec, EmbeddingCache cache) {
        this(CompletableFuture.completedFuture(model), spec, LazyCache.of(cache));
    }

    /** An embedder over a model that may still be loading and a cache loaded when first needed. */
    public CachingEmbedder(CompletableFuture<EmbeddingModel> model, EmbeddingModelSpec spec, LazyCache cache) {
        this.model = model;
        this.spec = spec;
        this.lazyCache = cache;
        this.cache = cache.future();
    }

    /** Starts loading the cache in the background once the model has loaded (if nothing started it before). */
    public void startCacheLoadAfterModel() {
        model.whenComplete((m, failure) -> CompletableFuture.delayedExecutor(CACHE_LOAD_DELAY_MS,
                java.util.concurrent.TimeUnit.MILLISECONDS).execute(lazyCache::start));
    }

    /** How long after the model is up the cache starts loading in the background (if nothing needed it sooner). */
    private static final long CACHE_LOAD_DELAY_MS = 3000;

    public EmbeddingModelSpec spec() {
        return spec;
    }

    /** Whether the cache has loaded (without waiting for it). */
    public boolean cacheReady() {
        return cache.isDone() && !cache.isCompletedExceptionally();
    }

    /** The embedding model itself (for texts that should not go to the cache); waits for it to load. */
    public EmbeddingModel model() {
        return join(model);
    }

    /** The cache, loading it first if needed. */
    public EmbeddingCache cache() {
        lazyCache.start();
        return join(cache);
    }

    /** Whether loading the model or the cache failed (the knowledge base then starts over). */
    public boolean failed() {
        return model.isCompletedExceptionally() || cache.isCompletedExceptionally();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /**
     * Vectors for {@code texts}.
     *
     * @param progress told how many of the texts missing from the cache are embedded so far
     */
    public Outcome embedAll(List<String> texts, IndexingListener progress) {
        if (texts.isEmpty()) {
            return new Outcome(List.of(), 0, 0); // nothing new: the cache may keep loading in the background
        }
        EmbeddingCache cache = cache();
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
        EmbeddingModel model = toEmbed.isEmpty() ? null : model();
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
        return model().embed(spec.queryPrefix() + query).content().vector();
    }
}
