package dev.episodebot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk build (most of the served episodes written in one refresh) leaves the index in one
 * segment, so a question searches one HNSW graph; a refresh of one file does not merge.
 */
class BulkBuildTest {

    @TempDir
    Path temp;

    private static int segments(Path cache) throws Exception {
        try (FSDirectory directory = FSDirectory.open(cache.resolve("index"))) {
            return SegmentInfos.readLatestCommit(directory).size();
        }
    }

    @Test
    void aBulkBuildLeavesOneSegmentAndAOneFileRefreshAddsOne() throws Exception {
        // GIVEN more episodes than a bulk build counts, written from several threads
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        for (int e = 0; e < IndexBuilder.BULK_EPISODES + 20; e++) {
            Files.writeString(knowledge.resolve(String.format("episode-%03d.txt", e)),
                    "第" + e + "集讲新加坡的研究\n第二行关于伦敦的办公室 " + e + "\n", StandardCharsets.UTF_8);
        }
        Path cache = temp.resolve("cache");
        try (KnowledgeBase kb = new KnowledgeBase(knowledge, cache, EmbeddingModelChoice.BGE_SMALL_ZH,
                new KnowledgeLoader(new KnowledgeReader(1_000_000)), spec -> new HashingEmbeddingModel(512), List.of())) {
            // WHEN they are indexed
            kb.refresh(IndexingListener.none());

            // THEN the commit holds one segment with every chunk searchable
            assertThat(segments(cache)).isEqualTo(1);
            assertThat(kb.index().chunks()).hasSize(IndexBuilder.BULK_EPISODES + 20);

            // AND WHEN one file changes, its documents go to a new segment (no merge of the whole index)
            Files.writeString(knowledge.resolve("episode-007.txt"), "第七集改写了\n", StandardCharsets.UTF_8);
            kb.refresh(IndexingListener.none());
            assertThat(segments(cache)).isEqualTo(2);
        }
    }
}
