package dev.episodebot.core.index;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * One question's hold on an {@link IndexState}: the state and the Lucene searcher acquired for it.
 * Everything the question reads comes from this one point in time; {@link #close()} releases the
 * searcher.
 */
public final class IndexView implements AutoCloseable {

    private final IndexState state;
    private final SearcherManager manager;
    private final IndexSearcher searcher;
    private boolean closed;

    IndexView(IndexState state, SearcherManager manager, IndexSearcher searcher) {
        this.state = state;
        this.manager = manager;
        this.searcher = searcher;
    }

    public IndexState state() {
        return state;
    }

    /** The searcher, or null when the state is empty. */
    public IndexSearcher searcher() {
        return searcher;
    }

    public boolean isEmpty() {
        return state.isEmpty();
    }

    /**
     * Offers {@code work} to another core (the searchers' pool), to be joined when the asking thread has
     * done its own part of the question; an empty state's work runs when joined.
     */
    public <T> Alongside<T> alongside(Supplier<T> work) {
        return Alongside.offer(work, searcher == null ? null : SegmentSearchers.POOL);
    }

    /** The chunk ordinal of a document ({@code doc} relative to its leaf), or -1 when it is not a chunk. */
    public int ordinal(LeafReaderContext leaf, int doc) throws IOException {
        return state.ordinal(leaf, doc);
    }

    /** The chunk ordinals of documents of one leaf, given in increasing order (-1 where not a chunk). */
    public int[] ordinals(LeafReaderContext leaf, int[] docs) throws IOException {
        return state.ordinals(leaf, docs);
    }

    /** The number of chunk documents of this state (BM25's document count). */
    public int chunkCount() {
        return state.chunks().size();
    }

    @Override
    public synchronized void close() {
        if (closed || searcher == null) {
            return;
        }
        closed = true;
        try {
            manager.release(searcher);
        } catch (IOException e) {
            // the reader is gone with its last reference either way
        }
    }
}
