package dev.episodebot.core.retrieval;

import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.Chunker;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.LoadedFile;
import dev.episodebot.core.knowledge.SkippedFile;
import dev.episodebot.core.knowledge.Transcript;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge folder, indexed. {@link #refresh} re-reads only changed files, re-chunks and embeds
 * only those, updates the BM25 index per changed file, builds a complete new {@link KnowledgeIndex}
 * beside the current one and swaps it in with one reference write: questions in flight finish on
 * the index they started with. If no file can be read while an index exists, the previous index
 * stays and the report says why.
 *
 * <p>On the first refresh the embedding model and the embedding cache load in the background
 * while the files are read and chunked; the model is only awaited when something has to be
 * embedded (or when the first question arrives).
 */
public final class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    /** Bumped when the BM25 analysis or document layout changes: an index of another format is not reused. */
    private static final int LEXICAL_FORMAT = 1;

    /**
     * The chunks of one file version, kept across refreshes while the file is unchanged.
     *
     * @param id this version's id in the BM25 index (a hash of its source and chunk texts, stable across restarts)
     * @param block its chunks' vectors, normalised end to end (the dense store's block), once embedded, else null
     */
    private record FileChunks(LoadedFile file, List<Chunk> chunks, long id, float[] block) {}

    private final Path knowledgeDir;
    private final Path cacheDir;
    private final EmbeddingModelChoice choice;
    private final KnowledgeLoader loader;
    private final EmbeddingModelProvider modelProvider;

    private final AtomicReference<KnowledgeIndex> current = new AtomicReference<>();
    private final AtomicReference<RefreshReport> lastReport = new AtomicReference<>();
    private final Object refreshLock = new Object();

    private Map<String, FileChunks> files = Map.of();
    private volatile Embedding embedding;
    /** The BM25 index kept across refreshes (null: rebuild from all files on the next refresh). */
    private LexicalIndex.Writer lexicalWriter;
    /** The file versions {@link #lexicalWriter} holds. */
    private final Set<Long> indexedFiles = new HashSet<>();
    /** The model and cache of the expected spec, loading since the first refresh began. */
    private Preload preload;
    /** Model loads started in the background; close() waits for them so no ONNX work outlives the core. */
    private final List<CompletableFuture<?>> modelLoads = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The spec of the index snapshot {@link #files} was restored from, until the first refresh confirms it. */
    private EmbeddingModelSpec restoredSpec;
    private boolean snapshotTried;
    /** Saves the index snapshot after refreshes, latest state only, off the refresh path. */
    private final java.util.concurrent.ExecutorService snapshotWriter = java.util.concurrent.Executors.newSingleThreadExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "index-snapshot-writer");
                thread.setDaemon(true);
                return thread;
            });
    private final AtomicReference<Runnable> pendingSnapshot = new AtomicReference<>();

    private record Preload(EmbeddingModelSpec spec, CompletableFuture<dev.langchain4j.model.embedding.EmbeddingModel> model,
            CachingEmbedder.LazyCache cache) {}

    /** The chosen model and everything built from it. */
    private record Embedding(EmbeddingModelSpec spec, CachingEmbedder embedder, QueryEmbedder queries, Chunker chunker,
            LineVectors lines) {}

    /**
     * @param knowledgeDir the folder to index
     * @param cacheDir where the embedding cache lives; null for an in-memory cache
     * @param choice which embedding model ({@code auto} decides from the first load)
     * @param loader reads the files
     * @param modelProvider creates the embedding model once chosen
     */
    public KnowledgeBase(Path knowledgeDir, Path cacheDir, EmbeddingModelChoice choice, KnowledgeLoader loader,
            EmbeddingModelProvider modelProvider) {
        this.knowledgeDir = knowledgeDir;
        this.cacheDir = cacheDir;
        this.choice = choice;
        this.loader = loader;
        this.modelProvider = modelProvider;
    }

    /** The index questions should use now; empty before the first refresh. */
    public KnowledgeIndex index() {
        KnowledgeIndex index = current.get();
        return index != null ? index : KnowledgeIndex.empty(spec(), List.of());
    }

    /** The last refresh, or null before the first. */
    public RefreshReport lastReport() {
        return lastReport.get();
    }

    public Path knowledgeDir() {
        return knowledgeDir;
    }

    /** The embedding model in use (the auto choice is known after the first refresh). */
    public EmbeddingModelSpec spec() {
        Embedding e = embedding;
        return e != null ? e.spec() : EmbeddingModels.choose(choice, "");
    }

    /** Embeds queries for retrieval; null before the first refresh. */
    public QueryEmbedder queryEmbedder() {
        Embedding e = embedding;
        return e == null ? null : e.queries();
    }

    /** Line-level vectors for answer extraction; null before the first refresh. */
    public LineVectors lineVectors() {
        Embedding e = embedding;
        return e == null ? null : e.lines();
    }

    /** Embeds texts through the cache; null before the first refresh. */
    public CachingEmbedder embedder() {
        Embedding e = embedding;
        return e == null ? null : e.embedder();
    }

    /**
     * Releases the BM25 index folder (questions still in flight keep their snapshot). A later
     * refresh opens it again.
     */
    public void close() {
        for (CompletableFuture<?> load : modelLoads) {
            try {
                // native inference still running when the process exits can crash ONNX Runtime
                load.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.debug("Model load did not finish cleanly: {}", e.toString());
            }
        }
        synchronized (refreshLock) {
            if (lexicalWriter != null) {
                lexicalWriter.close();
                lexicalWriter = null;
                indexedFiles.clear();
            }
            snapshotWriter.shutdown();
            try {
                snapshotWriter.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Restores {@link #files} from the index snapshot of {@code spec}, if there is one. */
    private void restoreSnapshot(EmbeddingModelSpec spec) {
        if (snapshotTried || cacheDir == null || !files.isEmpty()) {
            return;
        }
        snapshotTried = true;
        long t0 = System.nanoTime();
        Map<String, IndexSnapshot.Entry> entries = IndexSnapshot.read(IndexSnapshot.file(cacheDir, spec), knowledgeDir, spec);
        if (entries.isEmpty()) {
            return;
        }
        Map<String, FileChunks> restored = new HashMap<>(entries.size() * 2);
        entries.forEach((source, entry) -> restored.put(source,
                new FileChunks(entry.file(), entry.chunks(), entry.id(), entry.block())));
        files = Map.copyOf(restored);
        restoredSpec = spec;
        log.debug("Restored {} files from the index snapshot in {} ms", entries.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Saves the index snapshot in the background (only the latest state is written). */
    private void saveSnapshot(EmbeddingModelSpec spec, Map<String, FileChunks> state) {
        if (cacheDir == null || snapshotWriter.isShutdown()) {
            return;
        }
        List<IndexSnapshot.Entry> entries = new ArrayList<>(state.size());
        for (FileChunks fc : state.values()) {
            if (fc.file().ok() && fc.file().skipped() == null && fc.block() != null) {
                entries.add(new IndexSnapshot.Entry(fc.file(), fc.chunks(), fc.id(), fc.block()));
            }
        }
        Runnable write = () -> {
            try {
                IndexSnapshot.write(IndexSnapshot.file(cacheDir, spec), knowledgeDir, spec, entries);
            } catch (IOException | RuntimeException ex) {
                log.warn("Could not save the index snapshot: {}", ex.toString());
            }
        };
        if (pendingSnapshot.getAndSet(write) == null) {
            try {
                snapshotWriter.execute(() -> {
                    Runnable latest = pendingSnapshot.getAndSet(null);
                    if (latest != null) {
                        latest.run();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException ex) {
                pendingSnapshot.set(null);
            }
        }
    }

    /**
     * Starts loading the embedding model (and restoring the index snapshot's model choice) in the
     * background before the first refresh, when the model to use is already known: a fixed choice,
     * or the one auto chose last time. Does nothing otherwise or once loading has started.
     */
    public void preload() {
        synchronized (refreshLock) {
            if (embedding == null && preload == null) {
                EmbeddingModelSpec expected = expectedSpec();
                if (expected != null) {
                    preload = load(expected);
                }
            }
        }
    }

    /** Refreshes without progress reporting. */
    public RefreshReport refresh() {
        return refresh(IndexingListener.none());
    }

    /** Re-reads what changed, re-indexes, swaps the new index in. Never throws; problems are in the report. */
    public RefreshReport refresh(IndexingListener listener) {
        synchronized (refreshLock) {
            Instant started = Instant.now();
            RefreshReport report;
            try {
                report = doRefresh(started, listener);
            } catch (IOException | RuntimeException e) {
                log.error("Knowledge refresh failed; the previous index stays", e);
                KnowledgeIndex index = current.get();
                report = new RefreshReport(Instant.now(), Duration.between(started, Instant.now()), 0, 0, 0, 0, 0,
                        index == null ? 0 : index.sources().size(), index == null ? 0 : index.chunks().size(),
                        index == null ? List.of() : index.skipped(), "refresh failed: " + e.getMessage());
            }
            lastReport.set(report);
            log.info(report.logLine());
            return report;
        }
    }

    private RefreshReport doRefresh(Instant started, IndexingListener listener) throws IOException {
        if (embedding == null) {
            // start loading the model and the cache while the files are read: the spec is known for
            // a fixed choice, and for auto it is most likely the one chosen last time
            if (preload == null) {
                EmbeddingModelSpec expected = expectedSpec();
                if (expected != null) {
                    preload = load(expected);
                }
            }
            if (preload != null) {
                restoreSnapshot(preload.spec());
            }
        }
        boolean restored = restoredSpec != null;
        Map<String, LoadedFile> previousFiles = new HashMap<>();
        files.forEach((source, fileChunks) -> previousFiles.put(source, fileChunks.file()));
        KnowledgeLoader.Load load = loader.load(knowledgeDir, previousFiles);
        KnowledgeIndex previousIndex = current.get();
        log.debug("Refresh: files read after {} ms", Duration.between(started, Instant.now()).toMillis());

        int added = 0;
        int changed = 0;
        Set<String> present = new HashSet<>();
        // files restored from the snapshot count as added, as on any start
        Map<String, LoadedFile> counted = restored ? Map.of() : previousFiles;
        for (LoadedFile file : load.files()) {
            present.add(file.ref().source());
            LoadedFile before = counted.get(file.ref().source());
            if (before == null) {
                added++;
            } else if (before != file) {
                changed++;
            }
        }
        int removed = 0;
        for (String source : counted.keySet()) {
            if (!present.contains(source)) {
                removed++;
            }
        }

        List<Transcript> transcripts = load.transcripts();
        boolean haveIndex = previousIndex != null && !previousIndex.isEmpty();
        String problem = null;
        if (!Files.isDirectory(knowledgeDir)) {
            problem = "the knowledge folder " + knowledgeDir + " does not exist";
        } else if (transcripts.isEmpty() && !load.files().isEmpty()) {
            problem = "none of the " + load.files().size() + " knowledge files could be read";
        }
        if (problem != null && haveIndex) {
            return new RefreshReport(Instant.now(), Duration.between(started, Instant.now()), added, changed, removed,
                    0, 0, previousIndex.sources().size(), previousIndex.chunks().size(), load.skipped(), problem);
        }

        Embedding e = embedding(transcripts);
        if (restoredSpec != null) {
            if (!restoredSpec.equals(e.spec())) {
                files = Map.of(); // the snapshot was made with another model: index everything anew
            }
            restoredSpec = null;
        }
        try {
            return apply(started, listener, load, e, added, changed, removed, restored && !files.isEmpty());
        } catch (RuntimeException failure) {
            if (e.embedder().failed()) {
                embedding = null; // the model or cache could not load: try again on the next refresh
            }
            throw failure;
        }
    }

    private RefreshReport apply(Instant started, IndexingListener listener, KnowledgeLoader.Load load, Embedding e,
            int added, int changed, int removed, boolean restoredThisRefresh) {
        // the files to serve, each with its previous chunks when its content is unchanged
        List<LoadedFile> served = new ArrayList<>(load.files().size());
        List<SkippedFile> skipped = new ArrayList<>(load.otherSkipped());
        List<LoadedFile> toChunk = new ArrayList<>();
        for (LoadedFile loaded : load.files()) {
            LoadedFile file = loaded;
            FileChunks before = files.get(file.ref().source());
            if (!file.ok() && before != null && before.file().ok()) {
                // a file that was indexed became unreadable: keep serving its last good version
                file = new LoadedFile(file.ref(), before.file().transcript(), new SkippedFile(file.ref().source(),
                        file.skipped().reason() + "; serving the previous version"));
                log.warn("Knowledge file {} can no longer be read ({}); its previous version stays indexed",
                        file.ref().source(), loaded.skipped().reason());
            }
            if (file.skipped() != null) {
                skipped.add(file.skipped());
            }
            served.add(file);
            if (file.ok() && !reusable(before, file)) {
                toChunk.add(file);
            }
        }
        // chunk the new and changed files on all cores
        Map<String, List<Chunk>> chunked = new java.util.concurrent.ConcurrentHashMap<>();
        toChunk.parallelStream().forEach(file -> chunked.put(file.ref().source(), e.chunker().chunk(file.transcript())));
        Map<String, Long> keys = new java.util.concurrent.ConcurrentHashMap<>();
        toChunk.parallelStream().forEach(file -> keys.put(file.ref().source(),
                fileKey(file.ref().source(), chunked.get(file.ref().source()))));
        log.debug("Refresh: {} files chunked after {} ms", toChunk.size(), Duration.between(started, Instant.now()).toMillis());

        Map<String, FileChunks> nextFiles = new HashMap<>();
        List<FileChunks> indexed = new ArrayList<>();
        List<String> newTexts = new ArrayList<>();
        for (LoadedFile file : served) {
            FileChunks before = files.get(file.ref().source());
            FileChunks next;
            if (reusable(before, file)) {
                next = new FileChunks(file, before.chunks(), before.id(), before.block());
            } else if (file.ok()) {
                next = new FileChunks(file, chunked.get(file.ref().source()), keys.get(file.ref().source()), null);
            } else {
                next = new FileChunks(file, List.of(), 0, new float[0]);
            }
            if (next.block() == null) {
                for (Chunk chunk : next.chunks()) {
                    newTexts.add(chunk.text());
                }
            }
            nextFiles.put(file.ref().source(), next);
            if (file.ok()) {
                indexed.add(next);
            }
        }

        // vectors: only the chunks of new and changed files are looked up in the cache or embedded
        CachingEmbedder.Outcome outcome = e.embedder().embedAll(newTexts, listener);
        log.debug("Refresh: {} vectors ready after {} ms", newTexts.size(), Duration.between(started, Instant.now()).toMillis());
        int from = 0;
        List<Chunk> chunks = new ArrayList<>();
        List<float[]> blocks = new ArrayList<>();
        List<SourceSummary> sources = new ArrayList<>();
        Map<Long, Integer> firstOrdinal = new HashMap<>();
        int dimension = e.spec().dimension();
        for (int i = 0; i < indexed.size(); i++) {
            FileChunks fc = indexed.get(i);
            if (fc.block() == null) {
                List<float[]> own = outcome.vectors().subList(from, from + fc.chunks().size());
                from += fc.chunks().size();
                fc = new FileChunks(fc.file(), fc.chunks(), fc.id(),
                        DenseVectorStore.normalisedBlock(own, own.isEmpty() ? 0 : own.get(0).length));
                indexed.set(i, fc);
                nextFiles.put(fc.file().ref().source(), fc);
            }
            firstOrdinal.put(fc.id(), chunks.size());
            chunks.addAll(fc.chunks());
            blocks.add(fc.block());
            if (!fc.chunks().isEmpty()) {
                dimension = fc.block().length / fc.chunks().size(); // the model's, whatever the spec says
            }
            sources.add(new SourceSummary(fc.file().ref().source(), fc.file().transcript().displayTitle(),
                    fc.file().transcript().lines().size(), fc.chunks().size()));
        }

        LexicalIndex lexical = updateLexical(e.spec(), indexed, firstOrdinal);
        log.debug("Refresh: BM25 updated after {} ms", Duration.between(started, Instant.now()).toMillis());
        KnowledgeIndex next = KnowledgeIndex.build(e.spec(), chunks, blocks, dimension, lexical, sources, skipped, started);
        current.set(next);
        files = Map.copyOf(nextFiles);
        try {
            lexicalWriter.commit(); // the next start finds the BM25 index ready
        } catch (RuntimeException ex) {
            log.warn("Could not save the BM25 index: {}", ex.toString());
        }
        if (!toChunk.isEmpty() || removed > 0 || !restoredThisRefresh) {
            saveSnapshot(e.spec(), files); // a start restored from an up-to-date snapshot has nothing to save
        }
        // the cache is only needed when something new must be embedded: load it a little after the
        // model is up (not competing with it, nor with the first questions, at a start), so that
        // the next refresh finds it ready
        e.embedder().startCacheLoadAfterModel();
        if (e.embedder().cacheReady() && e.embedder().cache() instanceof DiskEmbeddingCache disk) {
            disk.compact(new java.util.AbstractList<String>() {
                @Override
                public String get(int index) {
                    return chunks.get(index).text();
                }

                @Override
                public int size() {
                    return chunks.size();
                }
            });
        }
        return new RefreshReport(Instant.now(), Duration.between(started, Instant.now()), added, changed, removed,
                outcome.embedded(), chunks.size() - outcome.embedded(), sources.size(), chunks.size(), skipped, null);
    }

    /** Whether a file's previous chunks (and vectors) still hold for its current version. */
    private static boolean reusable(FileChunks before, LoadedFile file) {
        return before != null && file.ok() && before.file().ok()
                && (before.file() == file || before.file().transcript() == file.transcript());
    }

    /**
     * Brings the BM25 index to the given files (removing versions no longer served, adding new
     * ones) and takes a snapshot. On any failure the writer is dropped and the next refresh
     * rebuilds it from all files; the current snapshot is unaffected either way.
     */
    private LexicalIndex updateLexical(EmbeddingModelSpec spec, List<FileChunks> indexed, Map<Long, Integer> firstOrdinal) {
        try {
            if (lexicalWriter == null) {
                lexicalWriter = openLexical(spec);
                indexedFiles.clear();
                indexedFiles.addAll(lexicalWriter.files());
            }
            Set<Long> live = new HashSet<>();
            List<FileChunks> toAdd = new ArrayList<>();
            for (FileChunks fc : indexed) {
                live.add(fc.id());
                if (!indexedFiles.contains(fc.id())) {
                    toAdd.add(fc);
                }
            }
            for (Long id : new ArrayList<>(indexedFiles)) {
                if (!live.contains(id)) {
                    lexicalWriter.remove(id);
                    indexedFiles.remove(id);
                }
            }
            LexicalIndex.Writer writer = lexicalWriter;
            toAdd.parallelStream().forEach(fc -> writer.add(fc.id(), fc.chunks().stream().map(Chunk::text).toList()));
            for (FileChunks fc : toAdd) {
                indexedFiles.add(fc.id());
            }
            return lexicalWriter.snapshot(firstOrdinal);
        } catch (RuntimeException ex) {
            if (lexicalWriter != null) {
                lexicalWriter.close();
            }
            lexicalWriter = null;
            indexedFiles.clear();
            throw ex;
        }
    }

    private Embedding embedding(List<Transcript> transcripts) throws IOException {
        Embedding e = embedding;
        if (e != null) {
            return e;
        }
        StringBuilder sample = new StringBuilder();
        outer:
        for (Transcript transcript : transcripts) {
            for (TranscriptLine line : transcript.lines()) {
                sample.append(line.text()).append('\n');
                if (sample.length() > 200_000) {
                    break outer;
                }
            }
        }
        EmbeddingModelSpec spec = EmbeddingModels.choose(choice, sample);
        // the model (seconds) and the cache (a large file) load while the files are chunked
        Preload loading = preload != null && preload.spec().equals(spec) ? preload : load(spec);
        preload = null;
        rememberSpec(spec);
        CachingEmbedder embedder = new CachingEmbedder(loading.model(), spec, loading.cache());
        TokenCounter tokens = new TokenCounter(spec);
        QueryEmbedder queries = new QueryEmbedder(embedder);
        e = new Embedding(spec, embedder, queries, new Chunker(spec.chunking(), tokens, true),
                new CachedLineVectors(embedder::model, queries));
        loading.cache().future().thenAccept(c -> log.info("Embedding model: {} ({} cached vectors)", spec.displayName(), c.size()));
        embedding = e;
        return e;
    }

    /**
     * The BM25 index kept in {@code CACHE_DIR} (so a restart only indexes what changed), or in memory
     * without a cache folder, when another process holds the folder, or when it cannot be opened
     * even after starting it afresh.
     */
    private LexicalIndex.Writer openLexical(EmbeddingModelSpec spec) {
        if (cacheDir == null) {
            return new LexicalIndex.Writer();
        }
        Path dir = cacheDir.resolve("bm25-v" + LEXICAL_FORMAT + "-" + spec.id());
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return LexicalIndex.Writer.open(dir);
            } catch (IOException | RuntimeException ex) {
                if (ex.getCause() instanceof org.apache.lucene.store.LockObtainFailedException
                        || ex instanceof org.apache.lucene.store.LockObtainFailedException) {
                    log.warn("The BM25 index {} is in use by another process; indexing in memory", dir);
                    return new LexicalIndex.Writer();
                }
                log.warn("Cannot open the BM25 index {} ({}); starting it afresh", dir, ex.toString());
                try {
                    deleteTree(dir);
                } catch (IOException deleteFailed) {
                    break;
                }
            }
        }
        log.warn("Indexing BM25 in memory");
        return new LexicalIndex.Writer();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A file version's BM25 id: 64 bits of SHA-256 over its source and chunk texts. */
    static long fileKey(String source, List<Chunk> chunks) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Chunk chunk : chunks) {
                digest.update((byte) 0);
                digest.update(chunk.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.nio.ByteBuffer.wrap(digest.digest()).getLong();
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is always available", ex);
        }
    }

    /** Starts loading a spec's model and cache in the background. */
    private Preload load(EmbeddingModelSpec spec) {
        CompletableFuture<dev.langchain4j.model.embedding.EmbeddingModel> model = CompletableFuture.supplyAsync(() -> {
            dev.langchain4j.model.embedding.EmbeddingModel created = modelProvider.create(spec);
            if (created instanceof dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel) {
                warmUp(created); // only the in-process ONNX models need it (and tests count embeddings)
            }
            return created;
        }, background("embedding-model-load"));
        modelLoads.add(model);
        // the cache (tens of MB at a thousand episodes) loads when first needed, or in the
        // background once the first index is up: a restart restored from the snapshot needs none of it
        CachingEmbedder.LazyCache cache = new CachingEmbedder.LazyCache(() -> {
            try {
                return cacheDir == null ? new InMemoryEmbeddingCache() : DiskEmbeddingCache.open(cacheDir, spec);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }, background("embedding-cache-load"));
        return new Preload(spec, model, cache);
    }

    private static final String LAST_SPEC = "embedding-model.txt";

    /** The spec a fixed choice names, or the one auto chose last time (null when unknown). */
    private EmbeddingModelSpec expectedSpec() {
        if (choice != EmbeddingModelChoice.AUTO) {
            return EmbeddingModels.choose(choice, "");
        }
        if (cacheDir == null) {
            return null;
        }
        try {
            Path file = cacheDir.resolve(LAST_SPEC);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            String id = Files.readString(file).strip();
            for (EmbeddingModelSpec spec : List.of(EmbeddingModelSpec.BGE_SMALL_ZH_V15, EmbeddingModelSpec.ALL_MINILM_L6_V2)) {
                if (spec.id().equals(id)) {
                    return spec;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot read the last embedding model choice: {}", e.toString());
        }
        return null;
    }

    private void rememberSpec(EmbeddingModelSpec spec) {
        if (cacheDir == null || choice != EmbeddingModelChoice.AUTO) {
            return;
        }
        try {
            Files.createDirectories(cacheDir);
            Path file = cacheDir.resolve(LAST_SPEC);
            if (!Files.isRegularFile(file) || !Files.readString(file).strip().equals(spec.id())) {
                Files.writeString(file, spec.id() + "\n");
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot remember the embedding model choice: {}", e.toString());
        }
    }

    /**
     * The first inference of a fresh ONNX session and the first dense scan of a fresh JVM are several
     * times slower than the next ones: do both here, off the first question's path.
     */
    private static void warmUp(dev.langchain4j.model.embedding.EmbeddingModel model) {
        try {
            model.embed("warm up 预热");
            model.embed("为这个句子生成表示以用于检索相关文章：预热");
        } catch (RuntimeException e) {
            log.debug("Model warm-up failed: {}", e.toString());
        }
        DenseVectorStore.warmUp();
    }

    /** Runs one task on a new daemon thread. */
    private static Executor background(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }
}
