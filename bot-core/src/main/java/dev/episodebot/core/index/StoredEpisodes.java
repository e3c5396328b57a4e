package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.support.BoundedLruMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The lines and chunks of the episodes of one {@link IndexState}, read from the index when first
 * needed (one stored field of the episode's document, memory-mapped and decompressed) instead of
 * being held on the heap for every episode; the episodes read most recently are kept, a bounded
 * number.
 *
 * <p>Reads go through the state's reader while anyone holds it (the state until it is retired, a
 * question's view until it is closed); after that they go to the state that replaced it: an
 * episode id names one version's content, so any index holding the id holds the same documents.
 */
final class StoredEpisodes {

    /** Episodes whose chunks are kept (about 30 chunks an episode): retrieval touches a few per question. */
    private static final int CHUNK_EPISODES = 1024;
    /** Episodes whose lines are kept (a few hundred lines an episode): outlines, searches, LLM contexts. */
    private static final int LINE_EPISODES = 64;
    private final IndexReader reader;
    /**
     * The episodes read most recently, by id: shared by the states a builder makes one after another,
     * since an id names one version's content (a refresh does not empty it).
     */
    static final class Recent {
        private final Map<Long, List<Chunk>> chunks = new BoundedLruMap<>(CHUNK_EPISODES);
        private final Map<Long, List<TranscriptLine>> lines = new BoundedLruMap<>(LINE_EPISODES);
    }

    private final Map<Long, List<Chunk>> chunks;
    private final Map<Long, List<TranscriptLine>> lines;
    private volatile StoredEpisodes successor;

    /**
     * @param reader the state's reader (it holds a reference while it serves, each question one more)
     * @param recent where the episodes read are kept
     */
    StoredEpisodes(IndexReader reader, Recent recent) {
        this.reader = reader;
        this.chunks = recent.chunks;
        this.lines = recent.lines;
    }

    /** Reads of a retired state go to {@code next}'s. */
    void retiredFor(StoredEpisodes next) {
        successor = next;
    }

    /** The lines of episode {@code id}, in order. */
    List<TranscriptLine> lines(long id) {
        List<TranscriptLine> cached = cached(lines, id);
        if (cached != null) {
            return cached;
        }
        try {
            return keep(lines, id, IndexFields.decodeLines(read(id, IndexFields.LINES)));
        } catch (AlreadyClosedException retired) {
            return successorOrThrow(retired).lines(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chunks of episode {@code id}, in order, with their episode's source, title and link. */
    List<Chunk> chunks(long id, String source, String title, String url) {
        List<Chunk> cached = cached(chunks, id);
        if (cached != null) {
            return cached;
        }
        try {
            return keep(chunks, id, IndexFields.decodeChunks(read(id, IndexFields.CHUNKS), source, title, url));
        } catch (AlreadyClosedException retired) {
            return successorOrThrow(retired).chunks(id, source, title, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredEpisodes successorOrThrow(AlreadyClosedException retired) {
        StoredEpisodes next = successor;
        if (next == null) {
            throw retired;
        }
        return next;
    }

    /** One stored field of the live episode document of {@code id}. */
    private BytesRef read(long id, String field) throws IOException {
        if (!reader.tryIncRef()) { // released: no question holds this state any more
            throw new AlreadyClosedException("this state's reader is closed");
        }
        try {
            Term term = IndexFields.episodeTerm(id);
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                PostingsEnum docs = r.postings(term, PostingsEnum.NONE);
                Bits live = r.getLiveDocs();
                for (int doc = docs == null ? DocIdSetIterator.NO_MORE_DOCS : docs.nextDoc();
                        doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        BytesRef value = r.storedFields().document(doc, Set.of(field)).getBinaryValue(field);
                        if (value == null) {
                            throw new IOException("episode " + IndexFields.idText(id) + " has no " + field);
                        }
                        return value;
                    }
                }
            }
            throw new IOException("episode " + IndexFields.idText(id) + " is not in this index");
        } finally {
            reader.decRef();
        }
    }

    private static <T> List<T> cached(Map<Long, List<T>> cache, long id) {
        synchronized (cache) {
            return cache.get(id);
        }
    }

    private static <T> List<T> keep(Map<Long, List<T>> cache, long id, List<T> read) {
        synchronized (cache) {
            cache.put(id, read);
        }
        return read;
    }
}
