package dev.episodebot.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.testing.CountingEmbeddingModel;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.SharedEmbeddingModels;
import dev.episodebot.core.testing.SharedEpisodeCore;
import dev.episodebot.core.testing.TestCores;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding cache across refreshes and restarts of a real core: what goes through the
 * embedding model is counted with {@link CountingEmbeddingModel}.
 */
class EmbeddingCacheReuseTest {

    private static final EmbeddingModelSpec BGE = EmbeddingModelSpec.BGE_SMALL_ZH_V15;

    @TempDir
    Path root;

    private CoreConfig config() {
        return TestCores.config(root);
    }

    private Path cacheFile() {
        return root.resolve("cache").resolve("embeddings-" + BGE.id() + ".bin");
    }

    /** Starts a core whose model calls are counted. */
    private static Started start(CoreConfig config) {
        CountingEmbeddingModel.Provider provider = CountingEmbeddingModel.provider(SharedEmbeddingModels.provider());
        BotCore core = TestCores.create(config, provider, Clock.systemUTC());
        RefreshReport report = core.refresh(IndexingListener.none());
        return new Started(core, provider, report);
    }

    private record Started(BotCore core, CountingEmbeddingModel.Provider provider, RefreshReport report)
            implements AutoCloseable {

        List<String> chunkTexts() {
            return core.knowledge().index().chunks().stream().map(Chunk::text).toList();
        }

        @Override
        public void close() {
            core.close();
        }
    }

    @Test
    void firstIndexingEmbedsEachChunkTextOnce() {
        // GIVEN the episode and an empty cache
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));

        // WHEN a core indexes it
        try (Started started = start(config())) {
            // THEN exactly the chunk texts went through the model, and the report says so
            assertThat(started.provider().model().texts()).containsExactlyInAnyOrderElementsOf(started.chunkTexts());
            assertThat(started.report().embedded()).isEqualTo(started.chunkTexts().size());
            assertThat(started.report().reused()).isZero();
        }
    }

    @Test
    void restartWithUnchangedKnowledgeEmbedsNothing() {
        // GIVEN the episode indexed once by a core that was then stopped
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        int chunks;
        try (Started first = start(config())) {
            chunks = first.chunkTexts().size();
        }

        // WHEN a new core starts on the same folders
        try (Started second = start(config())) {
            // THEN nothing is embedded: every chunk vector comes from the cache file
            assertThat(second.provider().model().count()).isZero();
            assertThat(second.report().embedded()).isZero();
            assertThat(second.report().reused()).isEqualTo(chunks);
            assertThat(second.chunkTexts()).hasSize(chunks);
        }
    }

    @Test
    void secondRefreshWithUnchangedKnowledgeEmbedsNothing() {
        // GIVEN an indexed core
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        try (Started started = start(config())) {
            started.provider().model().reset();

            // WHEN it refreshes without any change on disk
            RefreshReport again = started.core().refresh(IndexingListener.none());

            // THEN the model is not called and no file counts as changed
            assertThat(started.provider().model().count()).isZero();
            assertThat(again.embedded()).isZero();
            assertThat(again.changed()).isZero();
            assertThat(again.added()).isZero();
        }
    }

    @Test
    void changedFileReEmbedsOnlyItsNewChunkTexts() throws Exception {
        // GIVEN an indexed episode
        Path episode = EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        try (Started started = start(config())) {
            Set<String> before = new HashSet<>(started.chunkTexts());
            started.provider().model().reset();

            // WHEN one line in the middle of the file is edited and the knowledge refreshed
            List<String> lines = new ArrayList<>(Files.readAllLines(episode, StandardCharsets.UTF_8));
            lines.set(113, lines.get(113) + "（据他本人说）");
            Files.write(episode, lines, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(episode, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            RefreshReport report = started.core().refresh(IndexingListener.none());

            // THEN exactly the chunk texts that did not exist before went through the model: a few, not all
            Set<String> fresh = new HashSet<>(started.chunkTexts());
            fresh.removeAll(before);
            assertThat(fresh).isNotEmpty().allMatch(text -> text.contains("（据他本人说）"));
            assertThat(started.provider().model().texts()).containsExactlyInAnyOrderElementsOf(fresh);
            assertThat(report.embedded()).isEqualTo(fresh.size());
            assertThat(report.reused()).isEqualTo(started.chunkTexts().size() - fresh.size());
            assertThat(fresh.size()).isLessThan(before.size() / 2);
            assertThat(report.changed()).isEqualTo(1);
        }
    }

    @Test
    void cacheFileIsBinaryAndCompact() throws Exception {
        // GIVEN the episode indexed with bge-small-zh-v1.5
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        int chunks;
        try (Started started = start(config())) {
            chunks = new HashSet<>(started.chunkTexts()).size();
        }

        // WHEN the cache file is inspected
        byte[] bytes = Files.readAllBytes(cacheFile());

        // THEN it is not JSON and holds only the header and one (16 + 4·512)-byte record per chunk text
        assertThat(new String(bytes, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("CEBE");
        long header = 14 + BGE.id().length();
        assertThat((long) bytes.length).isEqualTo(header + (long) chunks * (16 + 4L * BGE.dimension()));
    }

    @Test
    void truncatedCacheFileIsToleratedAndOnlyTheLostVectorIsEmbeddedAgain() throws Exception {
        // GIVEN an indexed episode whose cache file lost its last 100 bytes (a crash while writing),
        // and no index snapshot to restore the vectors from
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        int chunks;
        try (Started first = start(config())) {
            chunks = first.chunkTexts().size();
        }
        try (FileChannel channel = FileChannel.open(cacheFile(), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 100);
        }
        try (var snapshots = Files.newDirectoryStream(cacheFile().getParent(), "index-*.bin")) {
            for (Path snapshot : snapshots) {
                Files.delete(snapshot);
            }
        }

        // WHEN a new core starts
        try (Started second = start(config())) {
            // THEN it indexes everything, embedding just the one chunk whose record was cut
            assertThat(second.report().applied()).isTrue();
            assertThat(second.chunkTexts()).hasSize(chunks);
            assertThat(second.provider().model().count()).isEqualTo(1);
        }
        // AND the file is whole again
        assertThat(Files.size(cacheFile())).isEqualTo(14 + BGE.id().length() + (long) chunks * (16 + 4L * BGE.dimension()));
    }

    @Test
    void cacheWrittenForAnotherModelIsDiscarded() throws Exception {
        // GIVEN a cache file under bge's name that was written for all-MiniLM-L6-v2 and holds vectors
        // for exactly the episode's chunk texts (so only the header tells them apart)
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        List<String> texts = SharedEpisodeCore.core().knowledge().index().chunks().stream().map(Chunk::text).toList();
        Path elsewhere = root.resolve("minilm");
        DiskEmbeddingCache minilm = DiskEmbeddingCache.open(elsewhere, EmbeddingModelSpec.ALL_MINILM_L6_V2);
        minilm.putAll(texts, texts.stream().map(t -> new float[EmbeddingModelSpec.ALL_MINILM_L6_V2.dimension()]).toList());
        Files.createDirectories(cacheFile().getParent());
        Files.copy(minilm.file(), cacheFile());

        // WHEN a core indexes the episode with bge-small-zh-v1.5
        try (Started started = start(config())) {
            // THEN none of the foreign vectors is used: every chunk is embedded by the real model
            assertThat(started.provider().spec()).isEqualTo(BGE);
            assertThat(started.provider().model().count()).isEqualTo(texts.size());
            assertThat(started.report().reused()).isZero();
        }
    }
}
