package dev.episodebot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.embedding.EmbeddingModelSpec;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.testing.CountingEmbeddingModel;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.SharedEmbeddingModels;
import dev.episodebot.core.testing.TestCores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** What {@code auto} picks for the episode. */
    private static final EmbeddingModelSpec BGE = dev.episodebot.core.embedding.EmbeddingModels.AUTO_CHINESE;

    @TempDir
    Path root;

    private CoreConfig config() {
        return TestCores.config(root);
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
            // THEN nothing is embedded (the model is not even loaded): every chunk vector comes from the index
            assertThat(second.provider().embedded()).isZero();
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
    void theCacheIsOneLuceneIndexHoldingEachChunkVectorOnce() throws Exception {
        // GIVEN the episode indexed with bge-small-zh-v1.5
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        int chunks;
        try (Started started = start(config())) {
            chunks = started.chunkTexts().size();
        }

        // WHEN the cache folder is inspected
        Path cache = root.resolve("cache");
        try (var entries = Files.list(cache);
                var directory = org.apache.lucene.store.FSDirectory.open(cache.resolve("index"));
                var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            // THEN it holds one index (no other cache file), whose commit names the model, with one vector per chunk
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("index");
            assertThat(reader.getIndexCommit().getUserData()).containsEntry("model", BGE.id());
            int vectors = 0;
            for (var leaf : reader.leaves()) {
                var values = leaf.reader().getFloatVectorValues(VectorField.NAME);
                vectors += values == null ? 0 : values.size();
            }
            assertThat(vectors).isEqualTo(chunks);
        }
    }

    @Test
    void anIndexBuiltForAnotherModelIsDiscarded() throws Exception {
        // GIVEN the episode indexed with the full-precision model
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        CountingEmbeddingModel.Provider full = CountingEmbeddingModel.provider(
                spec -> new dev.episodebot.core.testing.HashingEmbeddingModel(spec.dimension()));
        try (BotCore core = TestCores.create(TestCores.config(root, java.util.Map.of("EMBEDDING_MODEL", "bge-small-zh")),
                full, Clock.systemUTC())) {
            core.refresh(IndexingListener.none());
        }

        // WHEN a core indexes it with the model auto picks, its int8 twin (same dimension)
        try (Started started = start(config())) {
            // THEN none of the other model's vectors is used: every chunk is embedded by this model
            assertThat(started.provider().spec()).isEqualTo(BGE);
            assertThat(started.provider().model().count()).isEqualTo(started.chunkTexts().size());
            assertThat(started.report().reused()).isZero();
        }
    }
}
