package dev.episodebot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.retrieval.ScoredChunk;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index updated file by file gives the BM25 hits a fresh index gives, and a question holding an
 * older view keeps seeing that view while newer states are published.
 */
class IncrementalIndexTest {

    @TempDir
    Path temp;

    private KnowledgeBase updated;
    private KnowledgeBase fresh;

    private KnowledgeBase knowledgeBase(Path knowledge, Path cache) {
        return new KnowledgeBase(knowledge, cache, EmbeddingModelChoice.BGE_SMALL_ZH,
                new KnowledgeLoader(new KnowledgeReader(1_000_000)), spec -> new HashingEmbeddingModel(512), List.of());
    }

    @AfterEach
    void close() {
        updated.close();
        if (fresh != null) {
            fresh.close();
        }
    }

    private static void write(Path file, String text, long time) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(time));
    }

    private static List<String> hits(KnowledgeBase kb, IndexView view, String query) {
        List<Chunk> chunks = view.state().chunks();
        return new LexicalSearcher(view).search(query, 5).stream().map(ScoredChunk::ordinal).map(chunks::get)
                .map(Chunk::text).toList();
    }

    @Test
    void updatesPerFileAndKeepsOldViewsIntact() throws Exception {
        // GIVEN two files indexed, and a question holding a view of that state
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        write(knowledge.resolve("1.txt"), "谷歌 大脑 研究员\n创业 公司 融资\n", 1_000);
        write(knowledge.resolve("2.txt"), "新加坡 办公室\n大语言模型 研究\n", 1_000);
        updated = knowledgeBase(knowledge, temp.resolve("cache"));
        updated.refresh(IndexingListener.none());
        IndexView first = updated.acquire();
        assertThat(hits(updated, first, "新加坡")).containsExactly("新加坡 办公室\n大语言模型 研究");

        // WHEN file 2 changes and the knowledge is refreshed
        write(knowledge.resolve("2.txt"), "伦敦 办公室\n新加坡 团队 研究\n", 2_000);
        updated.refresh(IndexingListener.none());

        // THEN the new state finds the new text, not the old
        try (IndexView second = updated.acquire()) {
            assertThat(hits(updated, second, "新加坡")).containsExactly("伦敦 办公室\n新加坡 团队 研究");
            assertThat(hits(updated, second, "谷歌")).containsExactly("谷歌 大脑 研究员\n创业 公司 融资");

            // AND the question still on the first view sees the old file 2, not the new one
            assertThat(hits(updated, first, "新加坡")).containsExactly("新加坡 办公室\n大语言模型 研究");
            assertThat(hits(updated, first, "伦敦")).isEmpty();
            first.close();

            // AND the updated index finds what a fresh index over the same files finds
            fresh = knowledgeBase(knowledge, temp.resolve("fresh-cache"));
            fresh.refresh(IndexingListener.none());
            try (IndexView clean = fresh.acquire()) {
                for (String query : List.of("研究", "办公室", "创业 融资", "新加坡 研究")) {
                    assertThat(hits(updated, second, query)).containsExactlyInAnyOrderElementsOf(hits(fresh, clean, query));
                }
            }
        }
    }
}
