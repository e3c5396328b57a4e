package dev.episodebot.core.index;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Makes the searchers of every state: an {@link IndexSearcher} with an executor, so one question's
 * search runs over the index's segments on several cores (Lucene's intra-query concurrency: the HNSW
 * search of each segment is one task; the lexical search one task per slice of segments). The asking
 * thread takes tasks too (Lucene's {@code TaskExecutor}), so the pool adds the other cores: one thread
 * fewer than there are. An index of one segment is searched on the asking thread alone, as before.
 */
final class SegmentSearchers extends SearcherFactory {

    static final SegmentSearchers INSTANCE = new SegmentSearchers();

    /** Also runs work of a question alongside its search ({@link IndexView#alongside}). */
    static final Executor POOL = pool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

    private SegmentSearchers() {}

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
        return new IndexSearcher(reader, POOL);
    }

    /** Daemon threads that end when idle for a minute (a bot between questions holds none). */
    private static Executor pool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "index-search-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
