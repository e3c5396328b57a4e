package dev.episodebot.core.index;

import dev.episodebot.core.Language;
import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.embedding.EmbeddingModelLoader;
import dev.episodebot.core.embedding.EmbeddingModelProvider;
import dev.episodebot.core.embedding.EmbeddingModelSpec;
import dev.episodebot.core.embedding.EmbeddingModels;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge folder, indexed: holds the current {@link IndexState} and replaces it on {@link #refresh}
 * (files read by the {@link KnowledgeLoader}, unless at a start the index recorded them unchanged; the
 * next state built by the {@link IndexBuilder} into the {@link IndexStore}, published with one reference
 * write). If no file can be read while a state exists, that state stays and the report says why.
 */
public final class KnowledgeBase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final Path knowledgeDir;
    private final Path cacheDir;
    private final EmbeddingModelChoice choice;
    private final KnowledgeLoader loader;
    private final EmbeddingModelLoader models;
    private final List<EpisodeDeriver> derivers;
    private final AtomicReference<IndexState> current = new AtomicReference<>();
    private final AtomicReference<RefreshReport> lastReport = new AtomicReference<>();
    private final Object refreshLock = new Object();
    private volatile boolean holdsFolder;
    private StoreKeeper store; // guarded by refreshLock, as is the builder (its model is fixed at the first knowledge)
    private IndexBuilder builder;

    /**
     * @param cacheDir where the index lives; null for an index in memory
     * @param choice which embedding model ({@code auto} decides from the first knowledge indexed)
     * @param derivers stages whose values are computed once per episode version and kept in the index
     */
    public KnowledgeBase(Path knowledgeDir, Path cacheDir, EmbeddingModelChoice choice, KnowledgeLoader loader,
            EmbeddingModelProvider modelProvider, List<EpisodeDeriver> derivers) {
        this.knowledgeDir = knowledgeDir;
        this.cacheDir = cacheDir;
        this.choice = choice;
        this.loader = loader;
        this.models = new EmbeddingModelLoader(modelProvider);
        this.derivers = List.copyOf(derivers);
    }

    /** The state questions should use now; an empty one before the first refresh. */
    public IndexState index() {
        IndexState state = current.get();
        return state != null ? state : IndexState.empty(spec(), Language.EN, List.of(), null, null);
    }

    /** The current state with its searcher acquired for one question; close it when answered. */
    public IndexView acquire() {
        while (true) {
            IndexState state = index();
            try {
                return state.acquire();
            } catch (AlreadyClosedException retired) {
                if (current.get() == state) { // closed, not replaced: nothing to serve any more
                    return IndexState.empty(state.model(), state.language(), List.of(), null, null).acquire();
                } // else a refresh published a newer state meanwhile: take that one
            }
        }
    }

    /** The last refresh, or null before the first. */
    public RefreshReport lastReport() {
        return lastReport.get();
    }

    /** Whether the index holds what the folder holds: the last refresh applied and indexed what it could read. */
    public boolean ready() {
        return holdsFolder;
    }

    public Path knowledgeDir() {
        return knowledgeDir;
    }

    /** The embedding model in use ({@code auto} decides at the first refresh with knowledge). */
    public EmbeddingModelSpec spec() {
        IndexState state = current.get();
        return state != null ? state.model() : EmbeddingModels.choose(choice, Language.EN);
    }

    /** When the model is known (fixed, or named by the index), starts loading it and opening the index now. */
    public void preload() {
        EmbeddingModelSpec expected = choice != EmbeddingModelChoice.AUTO ? EmbeddingModels.choose(choice, Language.EN)
                : IndexStore.peekModel(cacheDir);
        if (expected == null) {
            return;
        }
        models.load(expected);
        synchronized (refreshLock) {
            store = store == null && cacheDir != null ? StoreKeeper.openingNow(cacheDir, expected) : store;
        }
    }

    /** Re-reads what changed, builds the next state, publishes it. Never throws; problems are in the report. */
    public RefreshReport refresh(IndexingListener listener) {
        synchronized (refreshLock) {
            Instant started = Instant.now();
            RefreshReport report;
            try {
                report = doRefresh(started, listener);
            } catch (IOException | RuntimeException e) {
                log.error("Knowledge refresh failed; the previous index stays", e);
                if (store != null) {
                    store.close(); // uncommitted changes are dropped; the next refresh reopens and verifies the index
                }
                holdsFolder = false;
                report = RefreshReport.failed(started, index(), e);
            }
            lastReport.set(report);
            log.info(report.logLine());
            return report;
        }
    }

    private RefreshReport doRefresh(Instant started, IndexingListener listener) throws IOException {
        IndexState previous = index();
        if (current.get() == null && store == null) {
            preload(); // at a start, what the index holds stands for the previous state: unchanged files are not read
        }
        IndexState[] restored = new IndexState[1]; // at a start: what the index holds, read once the folder is listed
        try {
            KnowledgeLoader.Load load = loader.load(knowledgeDir, () -> { // (the index opens while the folder is listed)
                restored[0] = current.get() != null || store == null ? null : store.restored(knowledgeDir, choice);
                return (restored[0] != null ? restored[0] : previous).files();
            });
            IndexState from = restored[0] != null ? restored[0] : previous;
            FileChanges changes = FileChanges.between(previous.files(), load.files());
            ServedFiles served = ServedFiles.of(previous, load);
            String problem = !Files.isDirectory(knowledgeDir) ? "the knowledge folder " + knowledgeDir + " does not exist"
                    : load.transcripts().isEmpty() && !load.files().isEmpty()
                            ? "none of the " + load.files().size() + " knowledge files could be read" : null;
            IndexState next;
            int embedded = 0;
            if (problem != null && !previous.isEmpty()) {
                next = previous;
            } else if (load.transcripts().isEmpty()) {
                next = IndexState.empty(spec(), previous.language(), served.skipped(), null, null);
            } else {
                KnowledgeLanguage.Sample language = from.languageOf(load.transcripts());
                IndexBuilder.Outcome outcome = build(from, served, language, listener, started);
                next = outcome.state();
                embedded = outcome.embedded();
            }
            IndexState.retireIfAny(next != previous ? current.getAndSet(next) : null, next);
            holdsFolder = problem == null;
            return new RefreshReport(Instant.now(), Duration.between(started, Instant.now()), changes.added(),
                    changes.changed(), changes.removed(), embedded, next.chunks().size() - embedded,
                    next.sources().size(), next.chunks().size(), served.skipped(), problem);
        } finally {
            IndexState.retireIfAny(restored[0], current.get());
        }
    }

    private IndexBuilder.Outcome build(IndexState previous, ServedFiles served, KnowledgeLanguage.Sample language,
            IndexingListener listener, Instant started) throws IOException {
        if (builder == null) {
            EmbeddingModelSpec spec = EmbeddingModels.choose(choice, language.language());
            builder = IndexBuilder.forModel(spec, models.supplier(spec), derivers);
            store = StoreKeeper.forModel(store, cacheDir, spec);
        }
        return store.run(s -> builder.build(previous, served.files(), served.skipped(), language, s, listener, started));
    }

    /** Releases the index folder; questions still in flight keep their view. */
    @Override
    public void close() {
        models.awaitLoads();
        synchronized (refreshLock) {
            if (store != null) {
                store.close();
            }
            IndexState.retireIfAny(current.get(), null);
        }
    }
}
