package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.config.Env;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code episode-bot index}: builds the embedding cache and reports it. */
class IndexCommandTest {

    private static final Pattern CHUNKS = Pattern.compile("(?m)^Chunks: (\\d+) \\((\\d+) embedded, (\\d+) from the cache\\)$");

    @TempDir
    Path root;

    private static Matcher chunks(String out) {
        Matcher m = CHUNKS.matcher(out);
        assertThat(m.find()).as("a Chunks: line in%n%s", out).isTrue();
        return m;
    }

    @Test
    void indexPrintsFilesChunksAndModelAndASecondRunEmbedsNothing() {
        // GIVEN the episode and an empty cache folder
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        Env env = TestCores.env(root, Map.of());

        // WHEN index runs twice
        Cli.Result first = Cli.run(env, "index");
        Cli.Result second = Cli.run(env, "index");

        // THEN the first run lists the file, embeds every chunk and names the model
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Files:  1").contains(EpisodeFiles.EPISODE).contains("Model:  bge-small-zh-v1.5");
        Matcher firstChunks = chunks(first.out());
        int total = Integer.parseInt(firstChunks.group(1));
        assertThat(total).isPositive();
        assertThat(Integer.parseInt(firstChunks.group(2))).isEqualTo(total);
        // AND the second run takes every chunk from the cache
        assertThat(second.exitCode()).isZero();
        Matcher secondChunks = chunks(second.out());
        assertThat(Integer.parseInt(secondChunks.group(1))).isEqualTo(total);
        assertThat(secondChunks.group(2)).isEqualTo("0");
        assertThat(Integer.parseInt(secondChunks.group(3))).isEqualTo(total);
        // AND the cache is the one Lucene index (vectors included) in CACHE_DIR/index
        assertThat(root.resolve("cache").resolve("index").resolve("segments_1")).isRegularFile();
    }

    @Test
    void indexListsSkippedFilesWithTheirReason() {
        // GIVEN the episode and a subtitle file without the WEBVTT header
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        EpisodeFiles.write(TestCores.knowledgeDir(root), "bad.vtt", "00:01.000 --> 00:02.000\n你好\n");

        // WHEN index runs
        Cli.Result result = Cli.run(TestCores.env(root, Map.of()), "index");

        // THEN the bad file is reported and the good one indexed
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Skipped bad.vtt: not a WebVTT file").contains("Files:  1");
    }

    @Test
    void indexOfAnEmptyFolderFails() throws Exception {
        // GIVEN an empty knowledge folder
        java.nio.file.Files.createDirectories(TestCores.knowledgeDir(root));

        // WHEN index runs (with the model named, so that no second model is loaded for nothing)
        Cli.Result result = Cli.run(TestCores.env(root, Map.of("EMBEDDING_MODEL", "bge-small-zh-q")), "index");

        // THEN it says there is nothing and exits non-zero
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.out()).contains("Files:  0").contains("Chunks: 0");
    }
}
