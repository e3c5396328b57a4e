package dev.episodebot.bench;

import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.index.RefreshReport;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warm start, measured in a fresh JVM as a restart would be: starts the core on a knowledge folder
 * whose embedding cache is complete, answers one question, and prints one line
 * {@code WARMSTART {json}} with the times since the JVM started and since {@code main} began.
 * Run by {@link BenchRunner}: {@code java -cp ... dev.episodebot.bench.WarmStartProbe KNOWLEDGE CACHE DATA QUESTION}.
 */
public final class WarmStartProbe {

    /** The output line's prefix. */
    public static final String PREFIX = "WARMSTART ";

    private WarmStartProbe() {}

    public static void main(String[] args) {
        long mainNanos = System.nanoTime();
        long mainMillis = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        // as the command line's main does: the native runtime loads while the rest starts
        Thread nativeLoad = new Thread(dev.episodebot.core.embedding.EmbeddingModels::loadNativeRuntime, "onnxruntime-load");
        nativeLoad.setDaemon(true);
        nativeLoad.start();
        CoreConfig config = CoreConfig.from(new Env(Map.of(
                "KNOWLEDGE_DIR", args[0], "CACHE_DIR", args[1], "DATA_DIR", args[2], "KNOWLEDGE_WATCH", "false")));
        try (BotCore core = BotCore.create(config, null, null, Clock.systemUTC())) {
            RefreshReport report = core.refresh(IndexingListener.none());
            long indexed = System.nanoTime();
            Answer answer = core.answerer().answer(args[3], List.of());
            long answered = System.nanoTime();
            core.answerer().answer("他为什么离开 Google？", List.of());
            long second = System.nanoTime();
            long processToAnswer = (mainMillis - jvmStart) + (answered - mainNanos) / 1_000_000;
            System.out.println(PREFIX + String.format(Locale.ROOT,
                    "{\"jvm_to_main_ms\":%d,\"main_to_indexed_ms\":%d,\"main_to_answer_ms\":%d,\"process_to_answer_ms\":%d,"
                            + "\"first_answer_ms\":%d,\"second_answer_ms\":%d,\"embedded\":%d,\"chunks\":%d,\"grounded\":%b,"
                            + "\"peak_rss_mb\":%.1f,\"rss_mb\":%.1f}",
                    mainMillis - jvmStart, (indexed - mainNanos) / 1_000_000, (answered - mainNanos) / 1_000_000,
                    processToAnswer, (answered - indexed) / 1_000_000, (second - answered) / 1_000_000,
                    report.embedded(), report.chunks(), answer.grounded(), orZero(ProcessMemory.peakRssMb()), orZero(ProcessMemory.rssMb())));
        }
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
