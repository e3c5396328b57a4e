package dev.episodebot.core.index;

import dev.episodebot.core.Language;
import dev.episodebot.core.embedding.EmbeddingModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one persistent store: a Lucene index in {@code CACHE_DIR/index} (layout: {@link IndexFields}),
 * written by one {@link IndexWriter} for the life of the process and committed once per refresh.
 * Its commit names the format and the embedding model; vectors are HNSW-indexed with int8 scalar
 * quantization and read memory-mapped. It is also the embedding cache: {@link #vectors} finds the
 * vector stored for a chunk text by its key.
 *
 * <p>Opening verifies every checksum (the commit point on open, every file of the commit with
 * {@link FileChecksums}); an index that fails any check, or that was built for another format or
 * model, is discarded with one log line and rebuilt, never used in part. When another process holds
 * the folder, the store lives in memory and reuses what it can of the folder's vectors.
 */
final class IndexStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexStore.class);
    private static final String FOLDER = "index";
    private static final String FORMAT_KEY = "format";
    private static final String MODEL_KEY = "model";
    private static final String LANGUAGE_KEY = "language";
    /** How many leading episodes the language was read from ({@link KnowledgeLanguage.Sample#cutAfter}). */
    private static final String LANGUAGE_SAMPLE_KEY = "language_sample";
    /** Files of the cache formats before this index: removed when the index is opened. */
    private static final List<String> OBSOLETE = List.of("embeddings-", "index-", "bm25-v", "embedding-model.txt");

    /** An episode version the index holds: its episode document. */
    record StoredEpisode(long id, String source, String title, String url, String contentHash, int lines, int chunks,
            FileStamp file, Map<String, byte[]> derived) {}

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final EmbeddingModelSpec spec;
    private final Map<Long, StoredEpisode> stored;
    /** The latest near-real-time reader; the store owns one reference. */
    private DirectoryReader reader;
    /** Another index whose vectors may be reused (a folder held by another process, or one deleted under us), or null. */
    private DirectoryReader seed;
    private String commitFile;

    private IndexStore(Path folder, Directory directory, IndexWriter writer, EmbeddingModelSpec spec,
            Map<Long, StoredEpisode> stored, DirectoryReader seed) throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.writer = writer;
        this.spec = spec;
        this.stored = stored;
        this.seed = seed;
        this.reader = DirectoryReader.open(writer);
        this.commitFile = folder == null ? null : lastCommitFile();
    }

    /** The codec: Lucene's default with int8-quantized HNSW vectors. */
    static Codec codec() {
        return new Lucene912Codec() {
            private final KnnVectorsFormat vectors = new Lucene99HnswScalarQuantizedVectorsFormat();

            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    /** The model the index in {@code cacheDir} was built with, or null (none, or unreadable). */
    static EmbeddingModelSpec peekModel(Path cacheDir) {
        Path dir = cacheDir == null ? null : cacheDir.resolve(FOLDER);
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        try (Directory directory = FSDirectory.open(dir)) {
            return EmbeddingModelSpec.byId(SegmentInfos.readLatestCommit(directory).getUserData().get(MODEL_KEY));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Opens (verifying) or creates the index for {@code spec} under {@code cacheDir}; in memory when null. */
    static IndexStore open(Path cacheDir, EmbeddingModelSpec spec) {
        if (cacheDir == null) {
            return inMemory(spec, null);
        }
        Path dir = cacheDir.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
            removeObsolete(cacheDir);
            Verdict verdict = verify(dir, spec);
            // an index of an older format for this model: its vectors are reused, read from its files (still
            // mapped once deleted) until the first commit of the new one
            DirectoryReader older = verdict == Verdict.OLDER_FORMAT ? openQuietly(dir) : null;
            if (verdict == Verdict.DISCARD || verdict == Verdict.OLDER_FORMAT) {
                clear(dir);
            }
            FSDirectory directory = FSDirectory.open(dir);
            IndexStore store;
            try {
                store = new IndexStore(dir, directory, new IndexWriter(directory, config()), spec, new HashMap<>(), older);
            } catch (LockObtainFailedException e) {
                closeQuietly(older);
                directory.close();
                log.warn("The index {} is in use by another process; indexing in memory, reusing its vectors", dir);
                return inMemory(spec, readOnly(dir, spec));
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
            if (verdict == Verdict.INTACT) {
                try {
                    // through the serving, memory-mapped reader: through plain 1 KB reads they cost a start more
                    store.stored.putAll(episodes(store.reader));
                } catch (IOException | RuntimeException e) {
                    log.warn("The index in {} is damaged ({}); discarding and rebuilding it", dir, e.toString());
                    store.close();
                    clear(dir);
                    FSDirectory fresh = FSDirectory.open(dir);
                    store = new IndexStore(dir, fresh, new IndexWriter(fresh, config()), spec, new HashMap<>(), null);
                }
            }
            return store;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot keep the index in {} ({}); indexing in memory", dir, e.toString());
            return inMemory(spec, null);
        }
    }

    static IndexStore inMemory(EmbeddingModelSpec spec, DirectoryReader seed) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            return new IndexStore(null, directory, new IndexWriter(directory, config()), spec, new HashMap<>(), seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an index in memory", e);
        }
    }

    private static IndexWriterConfig config() {
        TieredMergePolicy merges = new TieredMergePolicy();
        // keep BM25 statistics close to those of a fresh index: deleted documents count until merged away
        merges.setDeletesPctAllowed(20);
        return new IndexWriterConfig(new MixedScriptAnalyzer())
                .setCodec(codec())
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(128)
                .setMergePolicy(merges)
                .setCommitOnClose(false)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    /** What {@link #verify} found. */
    private enum Verdict {
        /** No index yet. */
        EMPTY,
        /** A commit of this format and model whose every file's checksum holds. */
        INTACT,
        /** Another format or model, or damaged: to be discarded (logged once). */
        DISCARD,
        /** Another format for the same model, intact: to be discarded, its vectors reused (logged once). */
        OLDER_FORMAT
    }

    /**
     * Checks the index in {@code dir} without opening it: its last commit (whose own checksum is
     * checked as it is read) names this format and model, and every file of that commit passes its
     * checksum. Its episode documents are read when the store opens.
     */
    private static Verdict verify(Path dir, EmbeddingModelSpec spec) {
        // read through plain file reads, not memory maps: checking every byte must not leave the whole
        // index resident in this process (the serving reader maps only what searches touch)
        try (Directory directory = new NIOFSDirectory(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Verdict.EMPTY;
            }
            SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
            Map<String, String> data = commit.getUserData();
            if (!spec.id().equals(data.get(MODEL_KEY))) {
                log.info("The index in {} was built for {} (format {}); rebuilding it for {}", dir,
                        data.get(MODEL_KEY), data.get(FORMAT_KEY), spec.id());
                return Verdict.DISCARD;
            }
            FileChecksums.verify(dir, commit.files(true));
            if (!IndexFields.FORMAT.equals(data.get(FORMAT_KEY))) {
                log.info("The index in {} has format {}; rebuilding it as format {}, reusing its vectors", dir,
                        data.get(FORMAT_KEY), IndexFields.FORMAT);
                return Verdict.OLDER_FORMAT;
            }
            return Verdict.INTACT;
        } catch (IOException | RuntimeException e) {
            log.warn("The index in {} is damaged ({}); discarding and rebuilding it", dir, e.toString());
            return Verdict.DISCARD;
        }
    }

    /** A verified read-only view of an index another process writes, for its vectors; null when unusable. */
    private static DirectoryReader readOnly(Path dir, EmbeddingModelSpec spec) {
        Verdict verdict = verify(dir, spec);
        return verdict == Verdict.INTACT || verdict == Verdict.OLDER_FORMAT ? openQuietly(dir) : null;
    }

    /** A reader of the (verified) index in {@code dir}, or null when it cannot be opened. */
    private static DirectoryReader openQuietly(Path dir) {
        try {
            return DirectoryReader.open(FSDirectory.open(dir));
        } catch (IOException e) {
            return null;
        }
    }

    /** The live episode documents of a reader. */
    private static Map<Long, StoredEpisode> episodes(DirectoryReader reader) throws IOException {
        Map<Long, StoredEpisode> episodes = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader r = leaf.reader();
            BinaryDocValues records = r.getBinaryDocValues(IndexFields.EPISODE_RECORD);
            NumericDocValues ids = r.getNumericDocValues(IndexFields.EPISODE_ID);
            if (records == null) {
                continue;
            }
            Bits live = r.getLiveDocs();
            for (int doc = records.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = records.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (ids == null || !ids.advanceExact(doc)) {
                    throw new IOException("an episode document without an id");
                }
                StoredEpisode episode = IndexFields.decodeEpisode(ids.longValue(), records.binaryValue());
                episodes.put(episode.id(), episode);
            }
        }
        return episodes;
    }

    EmbeddingModelSpec spec() {
        return spec;
    }

    boolean persistent() {
        return folder != null;
    }

    /** The episode versions the index holds now, by id. */
    Map<Long, StoredEpisode> stored() {
        return stored;
    }

    /**
     * Whether the folder still holds the last commit (false when {@code CACHE_DIR} was deleted or
     * emptied while the bot runs).
     */
    boolean intact() {
        return folder == null || (commitFile == null ? Files.isDirectory(folder) : Files.isRegularFile(folder.resolve(commitFile)));
    }

    /**
     * Discards this index and starts an empty one in the same place; its reader stays open as the new
     * store's seed, so vectors it holds are reused instead of embedded again.
     */
    IndexStore reset() {
        DirectoryReader oldReader = reader;
        reader = null;
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            log.debug("Rolling back the discarded index: {}", e.toString());
        }
        closeQuietly(directory);
        closeQuietly(seed);
        if (folder == null) {
            return inMemory(spec, oldReader);
        }
        try {
            Files.createDirectories(folder);
            clear(folder);
            FSDirectory next = FSDirectory.open(folder);
            return new IndexStore(folder, next, new IndexWriter(next, config()), spec, new HashMap<>(), oldReader);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot rebuild the index in {} ({}); indexing in memory", folder, e.toString());
            return inMemory(spec, oldReader);
        }
    }

    /**
     * The stored vectors for the given keys (those found; the seed index is consulted too). Vectors
     * come back as stored: unit length.
     */
    Map<String, float[]> vectors(Collection<String> keys) throws IOException {
        Map<String, float[]> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        collect(reader, keys, found);
        if (seed != null && found.size() < keys.size()) {
            collect(seed, keys, found);
        }
        return found;
    }

    private void collect(DirectoryReader from, Collection<String> keys, Map<String, float[]> found) throws IOException {
        for (LeafReaderContext leaf : from.leaves()) {
            LeafReader r = leaf.reader();
            var terms = r.terms(IndexFields.KEY);
            FloatVectorValues values = r.getFloatVectorValues(IndexFields.VECTOR);
            if (terms == null || values == null || values.dimension() != spec.dimension()) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            Bits live = r.getLiveDocs();
            for (String key : keys) {
                if (found.containsKey(key) || !termsEnum.seekExact(new BytesRef(key))) {
                    continue;
                }
                PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    FloatVectorValues own = r.getFloatVectorValues(IndexFields.VECTOR);
                    if (own.advance(doc) == doc) {
                        found.put(key, own.vectorValue().clone());
                        break;
                    }
                }
            }
        }
    }

    /** Adds the documents of one episode version. Thread-safe. */
    void add(long id, StoredEpisode episode, List<Document> docs) throws IOException {
        writer.addDocuments(docs);
        synchronized (stored) {
            stored.put(id, episode);
        }
    }

    /** Replaces an episode version's record (its derived values or its file's stamp changed), in place. */
    void updateRecord(StoredEpisode episode, BytesRef record) throws IOException {
        writer.updateBinaryDocValue(IndexFields.episodeTerm(episode.id()), IndexFields.EPISODE_RECORD, record);
        stored.put(episode.id(), episode);
    }

    /** Deletes every document of one episode version. */
    void delete(long id) throws IOException {
        writer.deleteDocuments(new Term(IndexFields.EPISODE, IndexFields.idText(id)));
        stored.remove(id);
    }

    /** Commits everything written since the last commit, naming the format, the model and the knowledge's language. */
    void commit(KnowledgeLanguage.Sample language) throws IOException {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, IndexFields.FORMAT, MODEL_KEY, spec.id(),
                "dimension", Integer.toString(spec.dimension()), LANGUAGE_KEY, language.language().name(),
                LANGUAGE_SAMPLE_KEY, Integer.toString(language.cutAfter())).entrySet());
        writer.commit();
        if (folder != null) {
            commitFile = lastCommitFile();
        }
        if (seed != null) {
            closeQuietly(seed); // everything reusable has been copied in by now
            seed = null;
        }
    }

    /** The knowledge's language its last commit names, with what it was read from; or null (none yet, or in memory). */
    KnowledgeLanguage.Sample committedLanguage() {
        try {
            Map<String, String> data = folder == null || commitFile == null ? Map.of()
                    : SegmentInfos.readLatestCommit(directory).getUserData();
            String name = data.get(LANGUAGE_KEY);
            String cut = data.getOrDefault(LANGUAGE_SAMPLE_KEY, "0");
            return name == null ? null : new KnowledgeLanguage.Sample(Language.valueOf(name), Math.max(0, Integer.parseInt(cut)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A reader of everything written so far; the caller owns the returned reference. */
    DirectoryReader openReader() throws IOException {
        DirectoryReader next = DirectoryReader.openIfChanged(reader, writer);
        if (next != null) {
            reader.decRef();
            reader = next;
        }
        reader.incRef();
        return reader;
    }

    /** The segments file of the last commit, or null before the first. */
    private String lastCommitFile() throws IOException {
        return DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getSegmentsFileName() : null;
    }

    /** Releases the folder (everything was committed; nothing uncommitted is kept). */
    @Override
    public void close() {
        try {
            if (reader != null) {
                reader.decRef();
                reader = null;
            }
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the index: {}", e.toString());
        }
        closeQuietly(seed);
        closeQuietly(directory);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("Closing {}: {}", closeable, e.toString());
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                deleteTree(file);
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void removeObsolete(Path cacheDir) {
        int removed = 0;
        try (Stream<Path> entries = Files.list(cacheDir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (OBSOLETE.stream().anyMatch(name::startsWith)) {
                    deleteTree(entry);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.debug("Cannot remove old cache files: {}", e.toString());
        }
        if (removed > 0) {
            log.info("Removed {} files of an older cache format from {}", removed, cacheDir);
        }
    }
}
