package dev.episodebot.core.index;

import dev.episodebot.core.embedding.EmbeddingModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link IndexStore} usable across refreshes: opens (and verifies) it when first needed or
 * after a failed refresh closed it, starts it afresh when its folder vanished while the bot ran (the
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

    StoreKeeper(Path cacheDir, EmbeddingModelSpec spec) {
        this.cacheDir = cacheDir;
        this.spec = spec;
    }

    <T> T run(Build<T> build) throws IOException {
        if (store == null) {
            store = IndexStore.open(cacheDir, spec);
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

    /** Closes the store, dropping uncommitted changes; the next {@link #run} opens and verifies it again. */
    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
