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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge folder, indexed. {@link #refresh} re-reads only changed files, embeds only new
 * chunk texts, builds a complete new {@link KnowledgeIndex} beside the current one and swaps it
 * in with one reference write: questions in flight finish on the index they started with. If no
 * file can be read while an index exists, the previous index stays and the report says why.
 */
public final class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    /** The chunks of one file, kept across refreshes while the file is unchanged. */
    private record FileChunks(LoadedFile file, List<Chunk> chunks) {}

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
        Map<String, LoadedFile> previousFiles = new HashMap<>();
        files.forEach((source, fileChunks) -> previousFiles.put(source, fileChunks.file()));
        KnowledgeLoader.Load load = loader.load(knowledgeDir, previousFiles);
        KnowledgeIndex previousIndex = current.get();

        int added = 0;
        int changed = 0;
        for (LoadedFile file : load.files()) {
            LoadedFile before = previousFiles.get(file.ref().source());
            if (before == null) {
                added++;
            } else if (before != file) {
                changed++;
            }
        }
        int removed = 0;
        for (String source : previousFiles.keySet()) {
            if (load.files().stream().noneMatch(f -> f.ref().source().equals(source))) {
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
        Map<String, FileChunks> nextFiles = new HashMap<>();
        List<Chunk> chunks = new ArrayList<>();
        List<SourceSummary> sources = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>(load.otherSkipped());
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
            List<Chunk> fileChunks;
            if (before != null && (before.file() == file || before.file().transcript() == file.transcript())) {
                fileChunks = before.chunks();
            } else if (file.ok()) {
                fileChunks = e.chunker().chunk(file.transcript());
            } else {
                fileChunks = List.of();
            }
            nextFiles.put(file.ref().source(), new FileChunks(file, fileChunks));
            if (file.ok()) {
                chunks.addAll(fileChunks);
                sources.add(new SourceSummary(file.ref().source(), file.transcript().displayTitle(),
                        file.transcript().lines().size(), fileChunks.size()));
            }
        }
        List<String> texts = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            texts.add(chunk.text());
        }
        CachingEmbedder.Outcome outcome = e.embedder().embedAll(texts, listener);
        KnowledgeIndex next = KnowledgeIndex.build(e.spec(), chunks, outcome.vectors(), sources, skipped, started);
        current.set(next);
        files = Map.copyOf(nextFiles);
        if (e.embedder().cache() instanceof DiskEmbeddingCache disk) {
            disk.compact(texts);
        }
        return new RefreshReport(Instant.now(), Duration.between(started, Instant.now()), added, changed, removed,
                outcome.embedded(), outcome.reused(), sources.size(), chunks.size(), skipped, null);
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
        EmbeddingCache cache = cacheDir == null ? new InMemoryEmbeddingCache() : DiskEmbeddingCache.open(cacheDir, spec);
        CachingEmbedder embedder = new CachingEmbedder(modelProvider.create(spec), spec, cache);
        TokenCounter tokens = new TokenCounter(spec);
        QueryEmbedder queries = new QueryEmbedder(embedder);
        e = new Embedding(spec, embedder, queries, new Chunker(spec.chunking(), tokens),
                new CachedLineVectors(embedder.model(), queries));
        log.info("Embedding model: {} ({} cached vectors)", spec.displayName(), cache.size());
        embedding = e;
        return e;
    }
}
