/**
 * The performance bench behind {@code episode-bot bench}: a synthetic corpus of N episodes made
 * from the bundled transcript ({@link dev.episodebot.core.bench.BenchCorpus}), questions drawn from
 * it ({@link dev.episodebot.core.bench.BenchQuestions}), the naive langchain4j pipeline it is
 * compared with ({@link dev.episodebot.core.bench.NaivePipeline}), the measurements
 * ({@link dev.episodebot.core.bench.BenchRunner}, {@link dev.episodebot.core.bench.WarmStartProbe})
 * and the report ({@link dev.episodebot.core.bench.BenchReport}).
 */
package dev.episodebot.core.bench;
