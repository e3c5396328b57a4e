package dev.episodebot.core.index;

import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.embedding.EmbeddingModelSpec;
import dev.episodebot.core.embedding.EmbeddingModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link IndexStore} usable across refreshes: opens (and verifies) it at the start on its
 * own thread ({@link #openingNow}), or when first needed, or after a failed refresh closed it, starts it afresh when its folder vanished while the bot ran (the
 * cache deleted), and retries a build once on a fresh store when writing fails, reusing the vectors
 * the old store held. Used under the knowledge base's refresh lock.
 */
final class StoreKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreKeeper.class);

    /** A build into a store. */
    interface Build<T> {
        T into(IndexStore store) throws IOException;
    }

    private final Path cacheDir;
    private final EmbeddingModelSpec spec;
    private IndexStore store;
    /** The store being opened in the background ({@link #openingNow}), or null. */
    private CompletableFuture<IndexStore> opening;

    StoreKeeper(Path cacheDir, EmbeddingModelSpec spec) {
        this.cacheDir = cacheDir;
        this.spec = spec;
    }

    /**
     * A keeper whose store starts opening (and being verified, mostly one thread's work) now, on its
     * own thread, while the first refresh reads the knowledge files.
     */
    static StoreKeeper openingNow(Path cacheDir, EmbeddingModelSpec spec) {
        StoreKeeper keeper = new StoreKeeper(cacheDir, spec);
        keeper.opening = CompletableFuture.supplyAsync(() -> IndexStore.open(cacheDir, spec), runnable -> {
            Thread thread = new Thread(runnable, "index-open");
            thread.setDaemon(true);
            thread.start();
        });
        return keeper;
    }

    /**
     * The keeper for {@code spec}: {@code early} (from {@link #openingNow}) when it is for that model,
     * else a new one ({@code early}, opened for the model the index named, is closed).
     */
    static StoreKeeper forModel(StoreKeeper early, Path cacheDir, EmbeddingModelSpec spec) {
        if (early != null && early.spec.equals(spec)) {
            return early;
        }
        if (early != null) {
            early.close();
        }
        return new StoreKeeper(cacheDir, spec);
    }

    <T> T run(Build<T> build) throws IOException {
        if (store == null) {
            store = opening != null ? opening.join() : IndexStore.open(cacheDir, spec);
            opening = null;
        }
        if (!store.intact()) {
            log.warn("The index in {} is gone (the cache was deleted?); rebuilding it", cacheDir);
            store = store.reset();
        }
        try {
            return build.into(store);
        } catch (IOException | AlreadyClosedException e) {
            log.warn("Writing the index failed ({}); rebuilding it", e.toString());
            store = store.reset();
            return build.into(store);
        }
    }

    /**
     * At a start: what the store holds as a state ({@link RestoredState}), when the model {@code choice}
     * picks for the language its last commit names is this store's; else null.
     */
    IndexState restored(Path knowledgeDir, EmbeddingModelChoice choice) throws IOException {
        IndexState state = run(s -> RestoredState.of(s, knowledgeDir));
        if (state == null || EmbeddingModels.choose(choice, state.language()).equals(spec)) {
            return state;
        }
        state.retire(null);
        return null;
    }

    /** Closes the store, dropping uncommitted changes; the next {@link #run} opens and verifies it again. */
    @Override
    public void close() {
        if (opening != null) {
            store = opening.join();
            opening = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
