package dev.episodebot.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart restores the index from the snapshot: the same chunks, vectors and hits, nothing re-read that did not change. */
class IndexSnapshotTest {

    private static final Path EPISODE = Path.of("../knowledge/episode-yi-tay-returns-to-google.txt");

    @TempDir
    Path temp;

    private KnowledgeBase knowledgeBase(Path knowledge, HashingEmbeddingModel model) {
        return new KnowledgeBase(knowledge, temp.resolve("cache"), EmbeddingModelChoice.AUTO,
                new KnowledgeLoader(new KnowledgeReader(10_000_000)), spec -> model);
    }

    @Test
    void aRestartServesTheSameIndexAndReadsOnlyChangedFiles() throws Exception {
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Files.copy(EPISODE, knowledge.resolve("a.txt"));
        Files.writeString(knowledge.resolve("b.txt"), "第一行，关于新加坡的研究\n第二行，关于伦敦的办公室\n", StandardCharsets.UTF_8);
        // a line longer than a chunk is cut into pieces: that file is left out of the snapshot and read again
        Files.writeString(knowledge.resolve("c.md"), "很长的一段话。".repeat(80) + "\n", StandardCharsets.UTF_8);

        KnowledgeBase first = knowledgeBase(knowledge, new HashingEmbeddingModel(512));
        first.refresh();
        KnowledgeIndex before = first.index();
        first.close(); // waits for the snapshot to be written
        assertThat(temp.resolve("cache").resolve("index-bge-small-zh-v1.5.bin")).exists();

        HashingEmbeddingModel fresh = new HashingEmbeddingModel(512);
        KnowledgeBase restarted = knowledgeBase(knowledge, fresh);
        RefreshReport report = restarted.refresh();
        KnowledgeIndex after = restarted.index();

        assertThat(report.embedded()).isZero();
        assertThat(report.added()).isEqualTo(3);
        assertThat(fresh.embeddedTexts()).isZero();
        assertThat(after.chunks()).isEqualTo(before.chunks());
        assertThat(after.sources()).isEqualTo(before.sources());
        for (int i = 0; i < before.chunks().size(); i += 7) {
            Embedding query = Embedding.from(((DenseVectorStore) before.store()).vector(i));
            EmbeddingSearchRequest request = EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(5).build();
            assertThat(after.store().search(request).matches()).extracting(EmbeddingMatch::embeddingId)
                    .containsExactlyElementsOf(before.store().search(request).matches().stream().map(EmbeddingMatch::embeddingId).toList());
        }
        assertThat(after.lexical().search("新加坡", 3)).isEqualTo(before.lexical().search("新加坡", 3));
        restarted.close();

        // a file changed while the bot was down is read again; the others still come from the snapshot
        Files.writeString(knowledge.resolve("b.txt"), "第一行，关于新加坡的研究\n新的一行，关于东京\n", StandardCharsets.UTF_8);
        HashingEmbeddingModel third = new HashingEmbeddingModel(512);
        KnowledgeBase again = knowledgeBase(knowledge, third);
        RefreshReport changed = again.refresh();
        assertThat(changed.embedded()).isEqualTo(1);
        assertThat(again.index().chunks()).extracting(Chunk::text).anyMatch(text -> text.contains("东京"))
                .noneMatch(text -> text.contains("伦敦"));
        assertThat(again.index().lexical().search("东京", 3)).hasSize(1);
        again.close();
    }
}
