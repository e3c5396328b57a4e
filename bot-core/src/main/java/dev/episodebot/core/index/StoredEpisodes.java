package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.Chunker;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.support.BoundedLruMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.Bits;

/**
 * The lines and chunks of the episodes of one {@link IndexState}, read from the index's stored
 * documents when first needed (memory-mapped, decompressed per document) instead of being held on
 * the heap for every episode; the episodes read most recently are kept, a bounded number.
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
    private static final Set<String> CHUNK_FIELDS = Set.of(IndexFields.PIECES);
    private static final Set<String> LINE_FIELDS = Set.of(IndexFields.LINE_TEXT, IndexFields.START_MILLIS,
            IndexFields.END_MILLIS);

    private record Positioned<T>(long position, T value) {}

    private final IndexReader reader;
    private final Map<Long, List<Chunk>> chunks = new BoundedLruMap<>(CHUNK_EPISODES);
    private final Map<Long, List<TranscriptLine>> lines = new BoundedLruMap<>(LINE_EPISODES);
    private volatile StoredEpisodes successor;

    /** @param reader the state's reader (it holds a reference while it serves, each question one more) */
    StoredEpisodes(IndexReader reader) {
        this.reader = reader;
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
        List<TranscriptLine> read;
        try {
            read = read(id, IndexFields.LINE_NUMBER, LINE_FIELDS, (position, doc) -> new TranscriptLine((int) position,
                    doc.get(IndexFields.LINE_TEXT), doc.getField(IndexFields.START_MILLIS).numericValue().longValue(),
                    doc.getField(IndexFields.END_MILLIS).numericValue().longValue()));
        } catch (AlreadyClosedException retired) {
            return successorOrThrow(retired).lines(id);
        }
        return keep(lines, id, read);
    }

    /** The chunks of episode {@code id}, in order, with their episode's source, title and link. */
    List<Chunk> chunks(long id, String source, String title, String url) {
        List<Chunk> cached = cached(chunks, id);
        if (cached != null) {
            return cached;
        }
        List<Chunk> read;
        try {
            read = read(id, IndexFields.POSITION, CHUNK_FIELDS, (position, doc) -> {
                List<TranscriptLine> pieces = IndexFields.decodePieces(doc.getBinaryValue(IndexFields.PIECES));
                return new Chunk(source, title, url, pieces, Chunker.join(pieces)); // as the chunker made its text
            });
        } catch (AlreadyClosedException retired) {
            return successorOrThrow(retired).chunks(id, source, title, url);
        }
        return keep(chunks, id, read);
    }

    private StoredEpisodes successorOrThrow(AlreadyClosedException retired) {
        StoredEpisodes next = successor;
        if (next == null) {
            throw retired;
        }
        return next;
    }

    private interface PositionedReader<T> {
        T read(long position, Document doc) throws IOException;
    }

    /**
     * The live documents of episode {@code id} that have doc values {@code positionField} (the
     * documents of one kind), ordered by it, each read with {@code fields} only.
     */
    private <T> List<T> read(long id, String positionField, Set<String> fields, PositionedReader<T> make) {
        if (!reader.tryIncRef()) { // released: no question holds this state any more
            throw new AlreadyClosedException("this state's reader is closed");
        }
        try {
            List<Positioned<T>> found = new ArrayList<>();
            Term term = new Term(IndexFields.EPISODE, IndexFields.idText(id));
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                PostingsEnum docs = r.postings(term, PostingsEnum.NONE);
                NumericDocValues positions = r.getNumericDocValues(positionField);
                if (docs == null || positions == null) {
                    continue;
                }
                Bits live = r.getLiveDocs();
                StoredFields stored = r.storedFields();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if ((live == null || live.get(doc)) && positions.advanceExact(doc)) {
                        long position = positions.longValue();
                        found.add(new Positioned<>(position, make.read(position, stored.document(doc, fields))));
                    }
                }
            }
            found.sort(Comparator.comparingLong(Positioned::position));
            return found.stream().map(Positioned::value).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                reader.decRef();
            } catch (IOException e) {
                // the reader goes with its last reference either way
            }
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
