package dev.episodebot.core.testing;

import dev.episodebot.core.embedding.EmbeddingModelProvider;
import dev.episodebot.core.embedding.EmbeddingModels;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real in-process embedding models, loaded at most once per test JVM (bge-small-zh-v1.5
 * takes several seconds) and memoized by text ({@link MemoizingEmbeddingModel}). Every test core
 * should be built with {@link #provider()} unless it needs to observe the model itself, in which
 * case it wraps this provider in {@link CountingEmbeddingModel#provider}.
 */
public final class SharedEmbeddingModels {

    private static final Map<String, EmbeddingModel> MODELS = new ConcurrentHashMap<>();
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "test-embedding");
                thread.setDaemon(true);
                return thread;
            });

    private SharedEmbeddingModels() {}

    /** Creates (once) and shares the real model for each spec. */
    public static EmbeddingModelProvider provider() {
        return spec -> MODELS.computeIfAbsent(spec.id(),
                id -> new MemoizingEmbeddingModel(EmbeddingModels.create(spec, EXECUTOR)));
    }
}
