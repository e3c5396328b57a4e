/**
 * The performance bench behind {@code episode-bot bench}: a synthetic corpus of N episodes made
 * from the bundled transcript ({@link dev.episodebot.bench.BenchCorpus}), questions drawn from
 * it ({@link dev.episodebot.bench.BenchQuestions}), the naive langchain4j pipeline it is
 * compared with ({@link dev.episodebot.bench.NaivePipeline}), the measurements
 * ({@link dev.episodebot.bench.BenchRunner}, {@link dev.episodebot.bench.WarmStartProbe})
 * and the report ({@link dev.episodebot.bench.BenchReport}).
 */
package dev.episodebot.bench;
