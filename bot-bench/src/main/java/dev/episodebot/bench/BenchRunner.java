package dev.episodebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.embedding.EmbeddingModels;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.index.KnowledgeBase;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.retrieval.HybridRetriever;
import dev.episodebot.core.index.RefreshReport;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bench: our pipeline at full N (cold build, warm start in a fresh JVM, refresh after one
 * changed file, retrieval latency on 1 and 2 threads, index heap) and the naive langchain4j
 * pipeline (embedding rate measured on a sample of episodes, retrieval and heap on a store of
 * full size). Corpus, cache and the cold-build figures live in the bench folder and are reused.
 */
public final class BenchRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_STARTS = 3;
    /** From this many episodes on, the cold build fills the index with vectors made from a real sample. */
    static final int SAMPLED_FROM = 5_000;
    /**
     * Chunk texts the real model embeds for that sample: 20,000, about one real vector for every 14 chunks at
     * N = 10,000 (a sample of 2,000 made 138 vectors from each). At N = 10,000 the larger sample raised dense
     * recall@10 only from 0.922 to 0.934: what limits it is how far question vectors lie from every chunk, not
     * how crowded the made vectors are (README, Performance).
     */
    static final int VECTOR_SAMPLE = 20_000;

    /**
     * What to run.
     *
     * @param episodes N
     * @param dir the bench folder (corpus, caches, stored cold-build figures)
     * @param transcript the real transcript the corpus is made from
     * @param questions how many questions are timed per run
     * @param naiveSampleEpisodes on how many episodes the naive pipeline's embedding rate is measured
     * @param modelSample how many chunk texts the model-alone rate is measured on
     */
    public record Options(int episodes, Path dir, Path transcript, int questions, int naiveSampleEpisodes,
            int modelSample) {}

    /**
     * Figures of a cold build, stored beside the cache it produced.
     *
     * @param modelChunksPerSecond the model's rate inside its calls during the build (its limit, under the same load)
     * @param modelAloneChunksPerSecond the model's rate on a sample right after the build, nothing else running
     * @param vectorSample with sampled vectors, how many chunks the real model embedded for the sample (0 otherwise)
     */
    record Cold(int chunks, double seconds, double chunksPerSecond, double modelChunksPerSecond,
            double modelAloneChunksPerSecond, String measuredAt, boolean sampledVectors, int vectorSample) {}

    private final Options options;
    private final Consumer<String> progress;

    public BenchRunner(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws Exception {
        int n = options.episodes();
        Path base = options.dir().resolve("n" + n);
        Path knowledge = base.resolve("knowledge");
        Path cache = base.resolve("cache");
        Path coldFile = base.resolve("cold-build.json");
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        BenchCorpus corpus = BenchCorpus.fromTranscript(options.transcript());
        say("Corpus: " + n + " episodes in " + knowledge);
        if (corpus.writeTo(knowledge, n)) {
            say("  generated");
            Files.deleteIfExists(coldFile);
        } else {
            say("  reused");
        }
        List<String> questions = BenchQuestions.generate(corpus, n, options.questions(), BenchQuestions.devQuestions(), 7);
        List<String> warmup = BenchQuestions.generate(corpus, n, options.questions() + 20, List.of(), 11).stream()
                .filter(q -> !questions.contains(q)).limit(20).toList();

        CoreConfig config = CoreConfig.from(new Env(Map.of(
                "KNOWLEDGE_DIR", knowledge.toString(), "CACHE_DIR", cache.toString(),
                "DATA_DIR", base.resolve("data").toString(), "KNOWLEDGE_WATCH", "false")));
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService embeddingThreads = Executors.newFixedThreadPool(cores, daemon("bench-embedding"));
        try {
            // 1. cold build at full N (only when there is no cache yet)
            Cold cold = readCold(coldFile);
            boolean coldMeasured = false;
            if (cold != null && cold.sampledVectors() && cold.vectorSample() != VECTOR_SAMPLE) {
                say("Ours: the cache's vectors were made from another sample size than this bench's " + VECTOR_SAMPLE
                        + " chunks: built again");
                cold = null;
            }
            if (cold == null || !Files.isDirectory(cache)) {
                say("Ours: cold build from an empty cache (every chunk goes through the model)...");
                deleteTree(cache);
                cold = coldBuild(config, embeddingThreads, n >= SAMPLED_FROM);
                Files.writeString(coldFile, JSON.writeValueAsString(cold));
                coldMeasured = true;
            } else {
                say("Ours: cache present; cold-build figures from the run that built it (" + cold.measuredAt() + ")");
            }

            // 2. warm start in a fresh JVM, three times (the median counts: one start is at the mercy of the machine)
            say("Ours: warm start in a fresh JVM (3 starts)...");
            List<JsonNode> starts = new ArrayList<>();
            for (int i = 0; i < WARM_STARTS; i++) {
                JsonNode start = warmStart(knowledge, cache, base.resolve("data"), questions.get(i));
                starts.add(start);
                say(String.format(java.util.Locale.ROOT, "  %.2f s from JVM start to the first answer (%d chunks embedded)",
                        start.get("process_to_answer_ms").asDouble() / 1000.0, start.get("embedded").asInt()));
            }
            List<JsonNode> sorted = new ArrayList<>(starts);
            sorted.sort(Comparator.comparingDouble(node -> node.get("process_to_answer_ms").asDouble()));
            JsonNode warm = sorted.get(sorted.size() / 2);
            double warmSeconds = warm.get("process_to_answer_ms").asDouble() / 1000.0;

            // 3. the index in this JVM: heap, refresh, latency
            forceGc();
            long heapBefore = heapUsed();
            KnowledgeBase kb = knowledgeBase(config, embeddingThreads);
            RefreshReport loaded = kb.refresh(IndexingListener.none());
            HybridRetriever retriever = new HybridRetriever();
            ask(kb, retriever, warmup.get(0)); // the model is loaded: count what it keeps on the heap too
            forceGc();
            double heapMb = (heapUsed() - heapBefore) / 1048576.0;
            IndexState index = kb.index();
            int chunks = index.chunks().size();
            String kbModel = index.model().displayName();
            say(String.format(java.util.Locale.ROOT, "Ours: %d chunks; heap of index and cache %.0f MB", chunks, heapMb));
            if (loaded.embedded() > 0) {
                say("  note: " + loaded.embedded() + " chunks were not in the cache");
            }

            kb.refresh(IndexingListener.none()); // nothing changed: warms up the refresh path
            int changedEpisode = Math.max(1, n / 2);
            Path changedFile = knowledge.resolve(BenchCorpus.fileName(changedEpisode));
            String originalText = Files.readString(changedFile);
            long variant = nextRun(base.resolve("runs.txt")); // a new edit each run, so its chunks are new to the cache
            Files.writeString(changedFile, corpus.episodeText(changedEpisode, variant));
            RefreshReport refresh = kb.refresh(IndexingListener.none());
            int changedChunks = kb.index().sources().stream()
                    .filter(s -> s.source().equals(BenchCorpus.fileName(changedEpisode))).mapToInt(s -> s.chunks()).sum();
            Files.writeString(changedFile, originalText);
            kb.refresh(IndexingListener.none());
            double refreshSeconds = refresh.duration().toNanos() / 1e9;
            say(String.format(java.util.Locale.ROOT, "Ours: refresh after changing %s: %.2f s, %d chunks embedded (the file has %d)",
                    changedFile.getFileName(), refreshSeconds, refresh.embedded(), changedChunks));

            for (String q : warmup) {
                ask(kb, retriever, q);
            }
            final KnowledgeBase serving = kb;
            // each question acquires the current state's searcher and releases it, as the bot does
            LatencyStats ours1 = time(questions, 1, new HybridRetriever(), (r, q) -> ask(serving, r, q));
            LatencyStats ours2 = time(questions, 2, new HybridRetriever(), (r, q) -> ask(serving, r, q));
            say("Ours: retrieval " + ours1 + " / " + ours2);
            say("Ours: dense recall@10 against exact search over every chunk vector...");
            double recall;
            try (IndexView view = kb.acquire()) {
                recall = DenseRecall.atTen(view, questions);
            }
            say(String.format(java.util.Locale.ROOT, "  recall@10 %.3f on %d questions", recall, questions.size()));
            kb.close();
            index = null;
            kb = null;

            // 4. the naive pipeline
            say("Naive: loading all-MiniLM-L6-v2 the stock way...");
            long t0 = System.nanoTime();
            NaivePipeline naive = NaivePipeline.load(embeddingThreads);
            double naiveLoadSeconds = (System.nanoTime() - t0) / 1e9;
            int sampleEpisodes = Math.min(n, options.naiveSampleEpisodes());
            List<Document> sampleDocs = documents(knowledge, sampleEpisodes);
            List<TextSegment> sampleSegments = naive.split(sampleDocs);
            say("Naive: ingesting the first " + sampleEpisodes + " episodes (" + sampleSegments.size() + " segments)...");
            TimedEmbeddingModel naiveTimed = new TimedEmbeddingModel(naive.model());
            t0 = System.nanoTime();
            naive.ingest(sampleDocs, naiveTimed);
            double naiveRate = sampleSegments.size() / ((System.nanoTime() - t0) / 1e9);
            double naiveModelRate = naiveTimed.rate();
            List<TextSegment> modelSample = sampleSegments.subList(0, Math.min(options.modelSample(), sampleSegments.size()));
            List<Embedding> sampleVectors = naive.model().embedAll(modelSample).content();
            say(String.format(java.util.Locale.ROOT, "Naive: %.1f segments/s ingesting, the model at %.1f/s inside its calls",
                    naiveRate, naiveModelRate));

            List<float[]> vectors = sampleVectors.stream().map(Embedding::vector).toList();
            forceGc();
            long naiveHeapBefore = heapUsed();
            List<TextSegment> allSegments = naive.split(documents(knowledge, n));
            InMemoryEmbeddingStore<TextSegment> store = NaivePipeline.filled(allSegments, vectors);
            forceGc();
            double naiveHeapMb = (heapUsed() - naiveHeapBefore) / 1048576.0;
            int naiveSegments = allSegments.size();
            ContentRetriever naiveRetriever = naive.retriever(store, 30);
            for (String q : warmup) {
                naiveRetriever.retrieve(Query.from(q));
            }
            LatencyStats naive1 = time(questions, 1, naiveRetriever, (r, q) -> r.retrieve(Query.from(q)));
            LatencyStats naive2 = time(questions, 2, naiveRetriever, (r, q) -> r.retrieve(Query.from(q)));
            say("Naive: retrieval " + naive1 + " / " + naive2);

            // 5. the report
            double rssMb = warm.get("peak_rss_mb").asDouble();
            Figures figures = new Figures(n, chunks, cold, coldMeasured, warmSeconds, refreshSeconds, refresh.embedded(),
                    changedChunks, ours1, ours2, heapMb, recall, rssMb, sampleEpisodes, sampleSegments.size(), naiveSegments, vectors.size(),
                    naiveRate, naiveModelRate, naiveLoadSeconds, naive1, naive2, naiveHeapMb);
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("episodes", n);
            settings.put("chunks", chunks);
            settings.put("naive_segments", naiveSegments);
            settings.put("questions", questions.size());
            settings.put("our_model", kbModel + " (FastOnnxEmbeddingModel, 1 ONNX thread per call, " + cores + " embedding threads)");
            settings.put("our_index", "one Lucene index: BM25 fields, int8-quantized HNSW vectors (memory-mapped), exact rescoring");
            if (cold.sampledVectors()) {
                settings.put("sampled_vectors", "the index holds real bge vectors of the first " + VECTOR_SAMPLE
                        + " chunks; every other chunk's vector is a normalised mix of two of them plus noise (N >= "
                        + SAMPLED_FROM + "); queries, lines and the changed file are embedded by the real model");
            }
            settings.put("bench_process_peak_rss_mb", ProcessMemory.peakRssMb());
            settings.put("naive_model", "all-MiniLM-L6-v2 int8 (AllMiniLmL6V2QuantizedEmbeddingModel)");
            settings.put("cores", cores);
            settings.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576);
            settings.put("java", System.getProperty("java.version"));
            settings.put("folder", base.toString());
            settings.put("warm_start_median_of", WARM_STARTS);
            settings.put("warm_starts", starts.stream().map(node -> JSON.convertValue(node, Map.class)).toList());
            settings.put("finished_at", Instant.now().toString());
            // other processes on the machine slow every wall-clock figure: say how busy it was
            settings.put("load_average_at_start", Math.round(loadAtStart * 100) / 100.0);
            settings.put("load_average_at_end",
                    Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0);
            return report(figures, settings, options.modelSample());
        } finally {
            embeddingThreads.shutdownNow();
        }
    }

    /** Everything measured in one run. */
    record Figures(int episodes, int chunks, Cold cold, boolean coldMeasured, double warmSeconds, double refreshSeconds,
            int refreshEmbedded, int changedChunks, LatencyStats ours1, LatencyStats ours2, double heapMb,
            double denseRecall, double rssMb,
            int naiveSampleEpisodes, int naiveSampleSegments, int naiveSegments, int naiveVectors, double naiveRate,
            double naiveModelRate, double naiveLoadSeconds, LatencyStats naive1, LatencyStats naive2, double naiveHeapMb) {}

    /** The rows and targets of a run's figures. */
    static BenchReport report(Figures f, Map<String, Object> settings, int modelSample) {
        Cold cold = f.cold();
        double modelLimit = cold.modelChunksPerSecond();
        String sample = "naive: measured on the first " + f.naiveSampleEpisodes() + " episodes (" + f.naiveSampleSegments() + " segments)";
        String estimate = "naive: full re-embedding of " + f.naiveSegments() + " segments at its measured rate (no cache)";
        String storeNote = "naive: InMemoryEmbeddingStore of full size (" + f.naiveSegments()
                + " segments), vectors copied from " + f.naiveVectors() + " real MiniLM vectors";
        double oursScaling = f.ours2().throughput() / f.ours1().throughput();
        List<BenchRow> rows = new ArrayList<>();
        String coldWhen = f.coldMeasured() ? " (this run)" : " (measured " + cold.measuredAt() + " when the cache was built)";
        if (cold.sampledVectors()) {
            // most vectors were made from a sample, not embedded: the build's rate says nothing about the model
            rows.add(BenchRow.of("cold_build_chunks_per_s", "Cold index build (chunks/s)", Double.NaN, f.naiveRate(), true,
                    false, "ours: not measured at this N: " + cold.chunks() + " chunks indexed in "
                            + BenchReport.format(cold.seconds()) + " s" + coldWhen + " with sampled vectors; " + sample));
            rows.add(BenchRow.of("model_alone_chunks_per_s", "Embedding model's own limit (chunks/s)", Double.NaN,
                    f.naiveModelRate(), true, false, "ours: see the run at N = 1,000"));
            rows.add(BenchRow.of("cold_build_share_of_model_limit", "Cold build ÷ model limit", Double.NaN,
                    f.naiveRate() / f.naiveModelRate(), true, false, null));
        } else {
            rows.add(BenchRow.of("cold_build_chunks_per_s", "Cold index build (chunks/s)", cold.chunksPerSecond(),
                    f.naiveRate(), true, false, "ours: " + cold.chunks() + " chunks in " + BenchReport.format(cold.seconds())
                            + " s" + coldWhen + "; " + sample));
            rows.add(BenchRow.of("model_alone_chunks_per_s", "Embedding model's own limit (chunks/s)", modelLimit,
                    f.naiveModelRate(), true, false, "the model's rate inside its embedAll calls during that build (same "
                            + "moments, same machine load); ours alone on " + modelSample + " chunk texts right after the "
                            + "build: " + BenchReport.format(cold.modelAloneChunksPerSecond())));
            rows.add(BenchRow.of("cold_build_share_of_model_limit", "Cold build ÷ model limit",
                    cold.chunksPerSecond() / modelLimit, f.naiveRate() / f.naiveModelRate(), true, false, null));
        }
        rows.add(BenchRow.of("warm_start_s", "Warm start from cache to first answer (s)", f.warmSeconds(),
                f.naiveLoadSeconds() + f.naiveSegments() / f.naiveRate(), false, true,
                "ours: median of 3 fresh JVMs, from JVM start to the first answered question; "
                        + "naive: model load (" + BenchReport.format(f.naiveLoadSeconds()) + " s) + " + estimate));
        rows.add(BenchRow.of("refresh_one_file_s", "Refresh after one changed file (s)", f.refreshSeconds(),
                f.naiveSegments() / f.naiveRate(), false, true, estimate));
        rows.add(BenchRow.of("refresh_one_file_chunks_embedded", "Chunks embedded by that refresh", f.refreshEmbedded(),
                f.naiveSegments(), false, true, "ours: the changed file has " + f.changedChunks() + " chunks"));
        rows.add(BenchRow.of("latency_1_thread_p50_ms", "Retrieval p50, 1 thread (ms)", f.ours1().p50Millis(),
                f.naive1().p50Millis(), false, false, "ours: query embedding + dense + BM25 + RRF fusion; " + storeNote));
        rows.add(BenchRow.of("latency_1_thread_p99_ms", "Retrieval p99, 1 thread (ms)", f.ours1().p99Millis(),
                f.naive1().p99Millis(), false, false, null));
        rows.add(BenchRow.of("latency_2_threads_p50_ms", "Retrieval p50, 2 threads (ms)", f.ours2().p50Millis(),
                f.naive2().p50Millis(), false, false, null));
        rows.add(BenchRow.of("latency_2_threads_p99_ms", "Retrieval p99, 2 threads (ms)", f.ours2().p99Millis(),
                f.naive2().p99Millis(), false, false, null));
        rows.add(BenchRow.of("throughput_1_thread_qps", "Throughput, 1 thread (questions/s)", f.ours1().throughput(),
                f.naive1().throughput(), true, false, null));
        rows.add(BenchRow.of("throughput_2_threads_qps", "Throughput, 2 threads (questions/s)", f.ours2().throughput(),
                f.naive2().throughput(), true, false, null));
        rows.add(BenchRow.of("scaling_2_threads_over_1", "Throughput 2 threads ÷ 1 thread", oursScaling,
                f.naive2().throughput() / f.naive1().throughput(), true, false, null));
        rows.add(BenchRow.of("index_heap_mb", "Index heap after full GC (MB)", f.heapMb(), f.naiveHeapMb(), false, false,
                "ours: episodes, lines and chunks (vectors and BM25 stay in the memory-mapped Lucene index); "
                        + "naive: segments and InMemoryEmbeddingStore"));
        rows.add(BenchRow.of("dense_recall_at_10", "Dense recall@10 vs exact search", f.denseRecall(), 1.0, true, false,
                "ours: HNSW over int8 vectors, rescored exactly, against brute force over every stored vector, for the "
                        + "timed questions; naive: InMemoryEmbeddingStore is brute force"));
        rows.add(BenchRow.of("process_peak_rss_mb", "Process peak RSS, start to first answer (MB)", f.rssMb(), Double.NaN,
                false, false, "ours: VmHWM of the warm-start JVM (median start); the naive side is not run as a process"));

        List<BenchReport.Target> targets = new ArrayList<>();
        if (f.episodes() >= SAMPLED_FROM) {
            targets.add(new BenchReport.Target("warm start ≤ 3 s", f.warmSeconds(), f.warmSeconds() <= 3));
            targets.add(new BenchReport.Target("retrieval p50 ≤ 25 ms (1 thread)", f.ours1().p50Millis(),
                    f.ours1().p50Millis() <= 25));
            targets.add(new BenchReport.Target("retrieval p99 ≤ 80 ms (1 thread)", f.ours1().p99Millis(),
                    f.ours1().p99Millis() <= 80));
            targets.add(new BenchReport.Target("dense recall@10 vs exact ≥ 0.98", f.denseRecall(), f.denseRecall() >= 0.98));
            targets.add(new BenchReport.Target("refresh after one changed file ≤ 1.5 s", f.refreshSeconds(),
                    f.refreshSeconds() <= 1.5));
            targets.add(new BenchReport.Target("process RSS ≤ 1.5 GB", f.rssMb(), f.rssMb() <= 1536));
        } else {
            double coldShare = cold.chunksPerSecond() / modelLimit;
            targets.add(new BenchReport.Target("warm start ≤ 3 s", f.warmSeconds(), f.warmSeconds() <= 3));
            targets.add(new BenchReport.Target("refresh after one changed file ≤ 2 s", f.refreshSeconds(),
                    f.refreshSeconds() <= 2));
            targets.add(new BenchReport.Target("refresh embeds only that file's new chunks", f.refreshEmbedded(),
                    f.refreshEmbedded() <= f.changedChunks()));
            targets.add(new BenchReport.Target("retrieval p50 ≤ 50 ms (1 thread)", f.ours1().p50Millis(),
                    f.ours1().p50Millis() <= 50));
            targets.add(new BenchReport.Target("retrieval p99 ≤ 150 ms (1 thread)", f.ours1().p99Millis(),
                    f.ours1().p99Millis() <= 150));
            targets.add(new BenchReport.Target("2 threads ≥ 1.6× the throughput of 1", oursScaling, oursScaling >= 1.6));
            targets.add(new BenchReport.Target("index heap ≤ 60 MB", f.heapMb(), f.heapMb() <= 60));
            targets.add(new BenchReport.Target("cold build within 10% of the model's limit", coldShare, coldShare >= 0.9));
        }
        return new BenchReport(settings, rows, targets);
    }

    private Cold coldBuild(CoreConfig config, ExecutorService threads, boolean sampled) {
        java.util.concurrent.atomic.AtomicReference<TimedEmbeddingModel> timed = new java.util.concurrent.atomic.AtomicReference<>();
        Path models = config.cacheDir().resolve("models");
        KnowledgeBase kb = new KnowledgeBase(config.knowledgeDir(), config.cacheDir(), EmbeddingModelChoice.AUTO,
                new KnowledgeLoader(new KnowledgeReader(config.maxFileBytes())), spec -> {
                    EmbeddingModel real = EmbeddingModels.create(spec, threads, models);
                    TimedEmbeddingModel model = new TimedEmbeddingModel(sampled ? new SampledVectorsModel(real, VECTOR_SAMPLE) : real);
                    timed.set(model);
                    return model;
                }, dev.episodebot.core.bot.BotCore.derivers());
        if (sampled) {
            say("  (N >= " + SAMPLED_FROM + ": the first " + VECTOR_SAMPLE + " chunks are embedded, the others get vectors "
                    + "made from those)");
        }
        AtomicInteger lastTenth = new AtomicInteger(-1);
        long t0 = System.nanoTime();
        RefreshReport report = kb.refresh((done, total) -> {
            int tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth.getAndSet(tenth)) {
                say(String.format(java.util.Locale.ROOT, "  indexed %d / %d (%.0f s)", done, total, (System.nanoTime() - t0) / 1e9));
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!report.applied()) {
            throw new IllegalStateException("the cold build failed: " + report.problem());
        }
        double modelRate = Double.NaN;
        if (!sampled) {
            List<TextSegment> sample = kb.index().chunks().stream().limit(options.modelSample())
                    .map(c -> TextSegment.from(c.text())).toList();
            long t1 = System.nanoTime();
            timed.get().embedAll(sample);
            modelRate = sample.size() / ((System.nanoTime() - t1) / 1e9);
        }
        double inside = timed.get().rate();
        kb.close();
        Cold cold = new Cold(report.chunks(), seconds, report.chunks() / seconds, sampled ? Double.NaN : inside, modelRate,
                Instant.now().toString(), sampled, sampled ? VECTOR_SAMPLE : 0);
        say(String.format(java.util.Locale.ROOT,
                "  %d chunks in %.1f s: %.1f chunks/s; the model ran at %.1f chunks/s inside its calls (%.1f s), %.1f alone after",
                cold.chunks(), seconds, cold.chunksPerSecond(), inside, timed.get().seconds(), modelRate));
        return cold;
    }

    private static KnowledgeBase knowledgeBase(CoreConfig config, ExecutorService threads) {
        Path models = config.cacheDir().resolve("models");
        return new KnowledgeBase(config.knowledgeDir(), config.cacheDir(), EmbeddingModelChoice.AUTO,
                new KnowledgeLoader(new KnowledgeReader(config.maxFileBytes())),
                spec -> EmbeddingModels.create(spec, threads, models), dev.episodebot.core.bot.BotCore.derivers());
    }

    /** One question's retrieval, as the bot runs it: acquire the current state, retrieve, release. */
    private static void ask(KnowledgeBase kb, HybridRetriever retriever, String question) {
        try (IndexView view = kb.acquire()) {
            retriever.retrieve(view, List.of(question), 5);
        }
    }

    private JsonNode warmStart(Path knowledge, Path cache, Path data, String question) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx") || arg.startsWith("-Xms") || arg.startsWith("-XX:")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WarmStartProbe.class.getName());
        command.add(knowledge.toString());
        command.add(cache.toString());
        command.add(data.toString());
        command.add(question);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(WarmStartProbe.PREFIX)) {
                    result = line.substring(WarmStartProbe.PREFIX.length());
                } else {
                    output.add(line);
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || result == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the warm-start probe failed:\n" + String.join("\n", output));
        }
        return JSON.readTree(result);
    }

    /** Times each question once, on {@code threads} threads pulling from one queue. */
    static <R> LatencyStats time(List<String> questions, int threads, R retriever, java.util.function.BiConsumer<R, String> ask)
            throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(questions);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("bench-ask"));
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (String q = queue.poll(); q != null; q = queue.poll()) {
                        long t0 = System.nanoTime();
                        ask.accept(retriever, q);
                        latencies.add(System.nanoTime() - t0);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return LatencyStats.of(latencies, threads, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Document> documents(Path knowledge, int episodes) throws IOException {
        List<Document> documents = new ArrayList<>(episodes);
        for (int e = 1; e <= episodes; e++) {
            String name = BenchCorpus.fileName(e);
            documents.add(NaivePipeline.document(name, Files.readString(knowledge.resolve(name))));
        }
        return documents;
    }

    /** Counts bench runs in a folder: 1 for the first. */
    private static long nextRun(Path file) throws IOException {
        long run = 1;
        if (Files.isRegularFile(file)) {
            try {
                run = Long.parseLong(Files.readString(file).strip()) + 1;
            } catch (NumberFormatException e) {
                run = 1;
            }
        }
        Files.writeString(file, Long.toString(run));
        return run;
    }

    private static Cold readCold(Path file) {
        try {
            return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Cold.class) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void forceGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void say(String line) {
        log.debug(line);
        progress.accept(line);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
