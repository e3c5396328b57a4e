package dev.episodebot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.retrieval.DenseSearcher;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.retrieval.ScoredChunk;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart serves the index from {@code CACHE_DIR}: the same chunks, dense and lexical hits and
 * derived values, with nothing embedded or derived again for files that did not change.
 */
class IndexRestartTest {

    private static final Path EPISODE = Path.of("../knowledge/episode-yi-tay-returns-to-google.txt");

    @TempDir
    Path temp;

    /** Derives each episode's line count, counting its calls. */
    private static final class LineCounter implements EpisodeDeriver {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "line-count-v1";
        }

        @Override
        public byte[] derive(EpisodeRecord episode, List<Chunk> chunks, List<float[]> chunkVectors) {
            calls.incrementAndGet();
            assertThat(chunkVectors).hasSameSizeAs(chunks).allMatch(v -> v.length == 512);
            return Integer.toString(episode.lines().size()).getBytes(StandardCharsets.UTF_8);
        }
    }

    private KnowledgeBase knowledgeBase(Path knowledge, HashingEmbeddingModel model, EpisodeDeriver deriver) {
        return new KnowledgeBase(knowledge, temp.resolve("cache"), EmbeddingModelChoice.AUTO,
                new KnowledgeLoader(new KnowledgeReader(10_000_000)), spec -> model, List.of(deriver));
    }

    @Test
    void aRestartServesTheSameIndexAndRecomputesOnlyChangedFiles() throws Exception {
        // GIVEN three files indexed once, with a derived value per episode
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Files.copy(EPISODE, knowledge.resolve("a.txt"));
        Files.writeString(knowledge.resolve("b.txt"), "第一行，关于新加坡的研究\n第二行，关于伦敦的办公室\n", StandardCharsets.UTF_8);
        Files.writeString(knowledge.resolve("c.md"), "很长的一段话。".repeat(80) + "\n", StandardCharsets.UTF_8);
        LineCounter firstDeriver = new LineCounter();
        KnowledgeBase first = knowledgeBase(knowledge, new HashingEmbeddingModel(512), firstDeriver);
        first.refresh(IndexingListener.none());
        IndexState before = first.index();
        List<Chunk> chunksBefore = List.copyOf(before.chunks()); // read while the first run holds its index
        List<Integer> denseBefore;
        List<ScoredChunk> lexicalBefore;
        try (IndexView view = first.acquire()) {
            denseBefore = new DenseSearcher(view).search(new HashingEmbeddingModel(512).embed("新加坡的研究").content()
                    .vector(), 5).stream().map(ScoredChunk::ordinal).toList();
            lexicalBefore = new LexicalSearcher(view).search("新加坡", 3);
        }
        first.close();
        assertThat(firstDeriver.calls).hasValue(3);

        // WHEN a new knowledge base starts on the same folders
        HashingEmbeddingModel fresh = new HashingEmbeddingModel(512);
        LineCounter secondDeriver = new LineCounter();
        KnowledgeBase restarted = knowledgeBase(knowledge, fresh, secondDeriver);
        RefreshReport report = restarted.refresh(IndexingListener.none());
        IndexState after = restarted.index();

        // THEN nothing is embedded or derived again, and it serves the same chunks, hits and values
        assertThat(report.embedded()).isZero();
        assertThat(report.added()).isEqualTo(3);
        assertThat(fresh.embeddedTexts()).isZero();
        assertThat(secondDeriver.calls).hasValue(0);
        assertThat(after.chunks()).isEqualTo(chunksBefore);
        assertThat(after.sources()).isEqualTo(before.sources());
        assertThat(after.episode("b.txt").derived("line-count-v1")).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("2"));
        try (IndexView view = restarted.acquire()) {
            assertThat(new DenseSearcher(view).search(fresh.embed("新加坡的研究").content().vector(), 5))
                    .extracting(ScoredChunk::ordinal).containsExactlyElementsOf(denseBefore);
            assertThat(new LexicalSearcher(view).search("新加坡", 3)).isEqualTo(lexicalBefore);
        }
        restarted.close();

        // AND a file changed while the bot was down is read, embedded and derived again; the others are not
        Files.writeString(knowledge.resolve("b.txt"), "第一行，关于新加坡的研究\n新的一行，关于东京\n另一行\n", StandardCharsets.UTF_8);
        HashingEmbeddingModel third = new HashingEmbeddingModel(512);
        LineCounter thirdDeriver = new LineCounter();
        KnowledgeBase again = knowledgeBase(knowledge, third, thirdDeriver);
        RefreshReport changed = again.refresh(IndexingListener.none());
        assertThat(changed.embedded()).isEqualTo(1);
        assertThat(thirdDeriver.calls).hasValue(1);
        assertThat(again.index().episode("b.txt").derived("line-count-v1")).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("3"));
        assertThat(again.index().chunks()).extracting(Chunk::text).anyMatch(text -> text.contains("东京"))
                .noneMatch(text -> text.contains("伦敦"));
        try (IndexView view = again.acquire()) {
            assertThat(new LexicalSearcher(view).search("东京", 3)).hasSize(1);
            assertThat(new LexicalSearcher(view).search("伦敦", 3)).isEmpty();
        }
        again.close();
    }
}
