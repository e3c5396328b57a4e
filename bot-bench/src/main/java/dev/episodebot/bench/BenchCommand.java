package dev.episodebot.bench;

import dev.episodebot.bench.BenchReport;
import dev.episodebot.bench.BenchRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench [--episodes N] [--json]}: measures our pipeline against the naive langchain4j one on
 * a synthetic corpus of N episodes and prints the table (or JSON).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure cold build, warm start, refresh, retrieval latency and index heap on N synthetic "
                + "episodes, for this pipeline and for the naive langchain4j one.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "100", description = "Episodes in the corpus (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--json", description = "Print JSON instead of the table.")
    boolean json;

    @Option(names = "--dir", paramLabel = "DIR", description = "Bench folder: corpus, caches and stored cold-build figures, "
            + "reused by later runs (default: episode-bot-bench in the temp folder).")
    Path dir;

    @Option(names = "--transcript", paramLabel = "FILE", defaultValue = "knowledge/episode-yi-tay-returns-to-google.txt",
            description = "The real transcript the corpus is made from (default ${DEFAULT-VALUE}).")
    Path transcript;

    @Option(names = "--questions", paramLabel = "N", defaultValue = "200", description = "Questions timed per run (default ${DEFAULT-VALUE}).")
    int questions;

    @Option(names = "--naive-sample", paramLabel = "EPISODES", defaultValue = "20",
            description = "Episodes the naive pipeline's embedding rate is measured on (default ${DEFAULT-VALUE}).")
    int naiveSample;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the output to this file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be at least 1");
        }
        if (!Files.isRegularFile(transcript)) {
            throw new IllegalArgumentException("the transcript " + transcript + " does not exist (use --transcript)");
        }
        Path folder = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "episode-bot-bench");
        BenchRunner runner = new BenchRunner(new BenchRunner.Options(episodes, folder, transcript, questions,
                naiveSample, 256), line -> System.err.println(line));
        BenchReport report = runner.run();
        String text = json ? report.json() : report.table();
        System.out.println(text);
        if (out != null) {
            Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
        }
        return 0;
    }
}
