package dev.episodebot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Citation;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.embedding.FastOnnxEmbeddingModel;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.LogCapture;
import dev.episodebot.core.testing.TestCores;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged cache is never trusted: a byte flipped anywhere in {@code CACHE_DIR} (any file of the
 * index, the optimised model or its check file) is noticed, the damaged part is discarded and
 * rebuilt with one log line, and the bot quotes exactly what it quotes with a clean cache.
 */
class CacheIntegrityTest {

    private static final List<String> QUESTIONS = List.of("Reka 的技术团队有多少人？", "Yi Tay 为什么回到谷歌？",
            "他胖了多少斤？", "What did Yi Tay say about Singapore?");

    @TempDir
    Path root;

    /** What an answer quotes: its text and citations. */
    private record Quoted(String text, List<Citation> citations) {}

    private static List<Quoted> answers(BotCore core) {
        List<Quoted> quoted = new ArrayList<>();
        for (String question : QUESTIONS) {
            Answer answer = core.answerer().answer(question, List.of());
            quoted.add(new Quoted(answer.text(), answer.citations()));
        }
        return quoted;
    }

    @Test
    void aFlippedByteInAnyIndexFileIsDiscardedAndAnswersStayTheSame() throws Exception {
        // GIVEN the episode indexed (fast model) and the answers given with that clean cache
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        List<Quoted> clean;
        try (BotCore core = TestCores.hashing(root, Map.of())) {
            core.refresh(IndexingListener.none());
            clean = answers(core);
        }
        Path index = root.resolve("cache").resolve("index");
        Path pristine = root.resolve("pristine");
        copyTree(index, pristine);
        List<Path> files = files(pristine).stream().filter(f -> !f.getFileName().toString().equals("write.lock")).toList();
        assertThat(files).isNotEmpty();

        for (Path file : files) {
            for (String where : List.of("first", "middle", "last")) {
                // WHEN one byte of one file is flipped and a new core starts
                replaceTree(pristine, index);
                Path damaged = index.resolve(pristine.relativize(file));
                long size = Files.size(damaged);
                flip(damaged, where.equals("first") ? 0 : where.equals("middle") ? size / 2 : size - 1);
                try (LogCapture logs = LogCapture.of(IndexStore.class);
                        BotCore core = TestCores.hashing(root, Map.of())) {
                    RefreshReport report = core.refresh(IndexingListener.none());

                    // THEN the damage is reported once, the index rebuilt, and every answer is the clean one
                    assertThat(logs.messages()).as("%s byte of %s", where, file.getFileName())
                            .filteredOn(m -> m.contains("damaged")).hasSize(1);
                    assertThat(report.applied()).isTrue();
                    assertThat(report.embedded()).as("everything embedded again").isEqualTo(report.chunks());
                    assertThat(answers(core)).as("%s byte of %s", where, file.getFileName()).isEqualTo(clean);
                }
            }
        }
    }

    @Test
    void aFlippedByteInTheCachedModelOrItsCheckIsRebuiltAndAnswersStayTheSame() throws Exception {
        // GIVEN the real (int8) model loaded through CACHE_DIR/models and the answers with that clean cache
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        CoreConfig config = TestCores.config(root, Map.of("EMBEDDING_MODEL", "bge-small-zh-q"));
        List<Quoted> clean;
        try (BotCore core = BotCore.start(config)) {
            clean = answers(core);
        }
        Path models = root.resolve("cache").resolve("models");
        List<Path> files = files(models);
        assertThat(files).extracting(f -> f.getFileName().toString())
                .anyMatch(n -> n.endsWith(".optimized.onnx")).anyMatch(n -> n.endsWith(".check"));

        for (Path file : files) {
            // WHEN one byte in the middle of the file is flipped and a new core starts
            flip(file, Files.size(file) / 2);
            try (LogCapture logs = LogCapture.of(FastOnnxEmbeddingModel.class); BotCore core = BotCore.start(config)) {
                // THEN every answer is the clean one (answering awaits the model, which loads in the background)
                assertThat(answers(core)).as("flipped %s", file.getFileName()).isEqualTo(clean);
                // AND the model was rebuilt from the jar with one log line
                assertThat(logs.messages()).filteredOn(m -> m.contains("failed its check")).hasSize(1);
            }
        }
    }

    @Test
    void aCacheDeletedWhileRunningIsRebuiltByTheNextRefreshWhichIndexesANewFile() throws Exception {
        // GIVEN a running core with the episode indexed
        Path knowledge = TestCores.knowledgeDir(root);
        EpisodeFiles.copyEpisodeTo(knowledge);
        dev.episodebot.core.testing.CountingEmbeddingModel.Provider provider =
                dev.episodebot.core.testing.CountingEmbeddingModel.provider(
                        spec -> new dev.episodebot.core.testing.HashingEmbeddingModel(spec.dimension()));
        try (BotCore core = TestCores.create(TestCores.config(root, Map.of("EMBEDDING_MODEL", "bge-small-zh")), provider,
                java.time.Clock.systemUTC())) {
            RefreshReport first = core.refresh(IndexingListener.none());

            // WHEN the whole cache folder is deleted, a new file is added and the knowledge refreshed
            deleteTree(root.resolve("cache"));
            EpisodeFiles.write(knowledge, "news.txt", "加更一期：节目组新增了一位嘉宾，名叫王小明\n");
            provider.model().reset();
            RefreshReport report = core.refresh(IndexingListener.none());

            // THEN the refresh succeeds, the new file is indexed and answered from, and only its chunk was embedded
            assertThat(report.applied()).isTrue();
            assertThat(report.files()).isEqualTo(2);
            assertThat(report.chunks()).isEqualTo(first.chunks() + 1);
            assertThat(provider.model().texts()).containsExactly("加更一期：节目组新增了一位嘉宾，名叫王小明");
            try (IndexView view = core.knowledge().acquire()) {
                assertThat(new dev.episodebot.core.retrieval.LexicalSearcher(view).search("王小明", 1))
                        .extracting(hit -> view.state().chunks().get(hit.ordinal()).source()).containsExactly("news.txt");
            }
            assertThat(core.knowledge().ready()).isTrue();
        }
        // AND the cache is whole again: a restart embeds nothing
        provider.model().reset();
        try (BotCore restarted = TestCores.create(TestCores.config(root, Map.of("EMBEDDING_MODEL", "bge-small-zh")),
                provider, java.time.Clock.systemUTC())) {
            RefreshReport report = restarted.refresh(IndexingListener.none());
            assertThat(report.embedded()).isZero();
            assertThat(report.files()).isEqualTo(2);
        }
    }

    private static void flip(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x20)).rewind();
            channel.write(one, offset);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        for (Path file : files(from)) {
            Path target = to.resolve(from.relativize(file));
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
    }

    private static void replaceTree(Path from, Path to) throws IOException {
        deleteTree(to);
        copyTree(from, to);
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
}
