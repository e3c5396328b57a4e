package dev.episodebot.core.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads embedding models in the background, one load per model, so that reading and chunking the
 * knowledge overlap with it; whoever needs the model first waits for it. A failed load is retried
 * by the next {@link #load}. In-process ONNX models are warmed up once loaded (the first inference of
 * a fresh session is several times slower than the next).
 */
public final class EmbeddingModelLoader {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingModelLoader.class);

    private final EmbeddingModelProvider provider;
    private final Map<String, CompletableFuture<EmbeddingModel>> loads = new ConcurrentHashMap<>();
    private final List<CompletableFuture<EmbeddingModel>> started = new CopyOnWriteArrayList<>();

    public EmbeddingModelLoader(EmbeddingModelProvider provider) {
        this.provider = provider;
    }

    /** Starts loading {@code spec}'s model unless it is loading or loaded. */
    public CompletableFuture<EmbeddingModel> load(EmbeddingModelSpec spec) {
        return loads.compute(spec.id(), (id, existing) -> {
            if (existing != null && !existing.isCompletedExceptionally()) {
                return existing;
            }
            CompletableFuture<EmbeddingModel> future = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    EmbeddingModel model = provider.create(spec);
                    if (model instanceof AbstractInProcessEmbeddingModel) {
                        warmUp(model);
                    }
                    future.complete(model);
                } catch (RuntimeException | Error e) {
                    future.completeExceptionally(e);
                }
            }, "embedding-model-load");
            thread.setDaemon(true);
            thread.start();
            started.add(future);
            return future;
        });
    }

    /** The model of {@code spec}, awaited on first use (the load starts now if it has not). */
    public Supplier<EmbeddingModel> supplier(EmbeddingModelSpec spec) {
        return () -> join(load(spec));
    }

    /** Waits (bounded) for loads still running: native inference outliving the process can crash it at exit. */
    public void awaitLoads() {
        for (CompletableFuture<EmbeddingModel> load : started) {
            try {
                load.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Model load did not finish cleanly: {}", e.toString());
            }
        }
    }

    private static void warmUp(EmbeddingModel model) {
        try {
            model.embed("warm up 预热");
            model.embed("为这个句子生成表示以用于检索相关文章：预热");
        } catch (RuntimeException e) {
            log.debug("Model warm-up failed: {}", e.toString());
        }
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
}
