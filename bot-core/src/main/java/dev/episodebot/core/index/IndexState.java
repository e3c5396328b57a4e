package dev.episodebot.core.index;

import dev.episodebot.core.Language;
import dev.episodebot.core.embedding.EmbeddingModelSpec;
import dev.episodebot.core.embedding.LineVectors;
import dev.episodebot.core.embedding.QueryEmbedder;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.LoadedFile;
import dev.episodebot.core.knowledge.SkippedFile;
import dev.episodebot.core.knowledge.Transcript;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.support.OnDemandList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Everything a question needs, at one point in time, immutable: the episodes and their chunks, the
 * knowledge's language, the embedding model and query embedder, and the Lucene searcher over the
 * commit this state was built from. A refresh builds a new state ({@link IndexBuilder}) and
 * publishes it with one reference write; there is no partly built or null state.
 *
 * <p>A question takes an {@link IndexView} ({@link #acquire()}: the searcher is acquired from this
 * state's {@link SearcherManager}) and closes it when done. When a newer state replaces this one
 * the manager is closed: questions still holding a view keep their reader until they release it.
 */
public final class IndexState {

    /**
     * One indexed episode version.
     *
     * @param file the file as loaded (the loader reuses it while the file is unchanged)
     * @param record what the index holds about it
     * @param id its id in the index
     * @param chunks its chunks, in order
     */
    record Episode(LoadedFile file, EpisodeRecord record, long id, List<Chunk> chunks) {}

    private final EmbeddingModelSpec model;
    private final KnowledgeLanguage.Sample language;
    private final List<Episode> episodes;
    private final Map<String, Episode> bySource;
    private final List<Chunk> chunks;
    private final Map<Long, Integer> firstOrdinal;
    private final List<SourceSummary> sources;
    private final List<SkippedFile> skipped;
    private final Instant builtAt;
    private final Duration buildTime;
    private final SearcherManager searchers;
    /** This state's lines and chunks, read from its index when needed (null when empty). */
    private final StoredEpisodes stored;
    private final QueryEmbedder queries;
    private final LineVectors lines;

    /**
     * @param reader the reader of this state's commit; the state takes over that reference (null when empty)
     * @param recent where the lines and chunks read from it are kept (shared with the states before it)
     */
    IndexState(EmbeddingModelSpec model, KnowledgeLanguage.Sample language, List<Episode> episodes, List<SkippedFile> skipped,
            Instant started, DirectoryReader reader, StoredEpisodes.Recent recent, QueryEmbedder queries, LineVectors lines) {
        this.model = model;
        this.language = language;
        this.skipped = List.copyOf(skipped);
        try {
            this.searchers = reader == null ? null : new SearcherManager(reader, SegmentSearchers.INSTANCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.stored = reader == null ? null : new StoredEpisodes(reader, recent);
        Map<String, Episode> byName = new LinkedHashMap<>();
        List<Episode> bound = new ArrayList<>(episodes.size());
        int[] starts = new int[episodes.size()];
        Map<Long, Integer> first = new HashMap<>();
        List<SourceSummary> summaries = new ArrayList<>();
        int total = 0;
        for (Episode given : episodes) {
            Episode e = stored == null ? given : bind(given);
            bound.add(e);
            byName.put(e.record().source(), e);
            starts[bound.size() - 1] = total;
            first.put(e.id(), total);
            total += e.chunks().size();
            summaries.add(new SourceSummary(e.record().source(), e.file().transcript().displayTitle(),
                    e.record().lines().size(), e.chunks().size()));
        }
        this.episodes = List.copyOf(bound);
        this.bySource = byName;
        this.chunks = new AllChunks(this.episodes, starts, total);
        this.firstOrdinal = first;
        this.sources = List.copyOf(summaries);
        this.builtAt = Instant.now();
        this.buildTime = Duration.between(started, builtAt);
        this.queries = queries;
        this.lines = lines;
    }

    /**
     * The episode with its lines and chunks read from this state's index when needed, not held: what
     * was parsed, or bound to an earlier state, is let go.
     */
    private Episode bind(Episode e) {
        long id = e.id();
        EpisodeRecord r = e.record();
        List<TranscriptLine> lines = new OnDemandList<>(r.lines().size(), () -> stored.lines(id));
        List<Chunk> chunks = new OnDemandList<>(e.chunks().size(), () -> stored.chunks(id, r.source(), r.title(), r.url()));
        Transcript t = e.file().transcript();
        LoadedFile file = new LoadedFile(e.file().ref(), new Transcript(t.source(), t.title(), t.url(), lines),
                e.file().skipped(), e.file().bytesHash());
        return new Episode(file, r.withLines(lines), id, chunks);
    }

    /** Every chunk of the state by ordinal: the episodes' chunk lists one after another. */
    private static final class AllChunks extends AbstractList<Chunk> implements RandomAccess {

        private final List<Episode> episodes;
        private final int[] starts;
        private final int size;

        AllChunks(List<Episode> episodes, int[] starts, int size) {
            this.episodes = episodes;
            this.starts = starts;
            this.size = size;
        }

        @Override
        public Chunk get(int ordinal) {
            if (ordinal < 0 || ordinal >= size) {
                throw new IndexOutOfBoundsException(ordinal);
            }
            int at = Arrays.binarySearch(starts, ordinal);
            if (at < 0) {
                at = -at - 2;
            }
            while (at + 1 < starts.length && starts[at + 1] == ordinal) {
                at++; // past episodes without chunks
            }
            return episodes.get(at).chunks().get(ordinal - starts[at]);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** A state with nothing in it (no knowledge yet, or none readable). */
    static IndexState empty(EmbeddingModelSpec model, Language language, List<SkippedFile> skipped,
            QueryEmbedder queries, LineVectors lines) {
        return new IndexState(model, KnowledgeLanguage.Sample.of(language), List.of(), skipped, Instant.now(), null, null,
                queries, lines);
    }

    /**
     * Acquires this state's searcher for one question; close the view when the question is answered.
     *
     * @throws AlreadyClosedException when a newer state replaced this one in the meantime (take the current one)
     */
    public IndexView acquire() {
        if (searchers == null) {
            return new IndexView(this, null, null);
        }
        try {
            return new IndexView(this, searchers, searchers.acquire());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #retire}s {@code state} unless it is null. */
    static void retireIfAny(IndexState state, IndexState successor) {
        if (state != null) {
            state.retire(successor);
        }
    }

    /**
     * Releases this state's own reference to its reader (questions holding a view keep theirs); lines
     * and chunks still asked of it are read from {@code successor} (null: none).
     */
    void retire(IndexState successor) {
        if (stored != null && successor != null && successor.stored != null) {
            stored.retiredFor(successor.stored);
        }
        if (searchers != null) {
            try {
                searchers.close();
            } catch (IOException e) {
                // the reader goes when its last view is released
            }
        }
    }

    /** The chunk ordinal of a chunk document ({@code doc} relative to its leaf), or -1 for any other document. */
    int ordinal(LeafReaderContext leaf, int doc) throws IOException {
        NumericDocValues ids = leaf.reader().getNumericDocValues(IndexFields.EPISODE_ID);
        NumericDocValues positions = leaf.reader().getNumericDocValues(IndexFields.POSITION);
        if (ids == null || positions == null || !ids.advanceExact(doc) || !positions.advanceExact(doc)) {
            return -1;
        }
        Integer first = firstOrdinal.get(ids.longValue());
        return first == null ? -1 : first + (int) positions.longValue();
    }

    /**
     * The chunk ordinals of documents of one leaf given in increasing order (-1 for any other
     * document), reading each doc-values field once for all of them.
     */
    int[] ordinals(LeafReaderContext leaf, int[] docs) throws IOException {
        NumericDocValues ids = leaf.reader().getNumericDocValues(IndexFields.EPISODE_ID);
        NumericDocValues positions = leaf.reader().getNumericDocValues(IndexFields.POSITION);
        int[] ordinals = new int[docs.length];
        java.util.Arrays.fill(ordinals, -1);
        if (ids == null || positions == null) {
            return ordinals;
        }
        for (int i = 0; i < docs.length; i++) {
            if (ids.advanceExact(docs[i]) && positions.advanceExact(docs[i])) {
                Integer first = firstOrdinal.get(ids.longValue());
                ordinals[i] = first == null ? -1 : first + (int) positions.longValue();
            }
        }
        return ordinals;
    }

    public List<Chunk> chunks() {
        return chunks;
    }

    public boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** The indexed episodes, in knowledge-folder order. */
    public List<EpisodeRecord> episodes() {
        return episodes.stream().map(Episode::record).toList();
    }

    /** The episode indexed from {@code source}, or null. */
    public EpisodeRecord episode(String source) {
        Episode e = bySource.get(source);
        return e == null ? null : e.record();
    }

    /**
     * The ordinals of the chunks that hold line {@code lineNumber} of the episode indexed from
     * {@code source}, in order (empty when there is none).
     */
    public List<Integer> chunksHolding(String source, int lineNumber) {
        Episode e = bySource.get(source);
        if (e == null) {
            return List.of();
        }
        int first = firstOrdinal.get(e.id());
        List<Integer> result = new ArrayList<>(2);
        for (int i = 0; i < e.chunks().size(); i++) {
            Chunk chunk = e.chunks().get(i);
            if (chunk.lineStart() > lineNumber) {
                break;
            }
            if (chunk.lineEnd() >= lineNumber) {
                result.add(first + i);
            }
        }
        return result;
    }

    List<Episode> entries() {
        return episodes;
    }

    /**
     * The language of {@code transcripts} ({@link KnowledgeLanguage}): this state's when the transcripts
     * its sample read are still the leading ones (the same objects: nothing changed, the sample would
     * read the same text), so a change past them samples nothing.
     */
    KnowledgeLanguage.Sample languageOf(List<Transcript> transcripts) {
        int read = language.cutAfter() > 0 ? language.cutAfter() : episodes.size();
        boolean same = language.cutAfter() > 0 ? read <= episodes.size() && read <= transcripts.size()
                : transcripts.size() == episodes.size();
        for (int i = 0; same && i < read; i++) {
            same = episodes.get(i).file().transcript() == transcripts.get(i);
        }
        return same ? language : KnowledgeLanguage.sample(transcripts);
    }

    /** The episodes' files by source. */
    Map<String, LoadedFile> files() {
        Map<String, LoadedFile> files = new HashMap<>();
        episodes.forEach(e -> files.put(e.record().source(), e.file()));
        return files;
    }

    Episode entry(String source) {
        return bySource.get(source);
    }

    /** The language the knowledge is written in (ZH when at least 30% of its letters are CJK ideographs). */
    public Language language() {
        return language.language();
    }

    public EmbeddingModelSpec model() {
        return model;
    }

    /** Embeds questions for the dense side (the model may still be loading; it is awaited). */
    public QueryEmbedder queries() {
        return queries;
    }

    /** Line-level vectors for answer extraction. */
    public LineVectors lineVectors() {
        return lines;
    }

    public List<SourceSummary> sources() {
        return sources;
    }

    public List<SkippedFile> skipped() {
        return skipped;
    }

    public Instant builtAt() {
        return builtAt;
    }

    public Duration buildTime() {
        return buildTime;
    }
}
