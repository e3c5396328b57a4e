package dev.episodebot.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The BM25 index updated per file gives what a fresh one gives, and old snapshots do not change. */
class IncrementalLexicalIndexTest {

    @Test
    void updatesPerFileAndKeepsOldSnapshotsIntact() {
        LexicalIndex.Writer writer = new LexicalIndex.Writer();
        writer.add(1, List.of("谷歌 大脑 研究员", "创业 公司 融资"));
        writer.add(2, List.of("新加坡 办公室", "大语言模型 研究"));
        LexicalIndex first = writer.snapshot(Map.of(1L, 0, 2L, 2));
        assertThat(first.size()).isEqualTo(4);
        assertThat(first.search("新加坡", 5)).extracting(LexicalIndex.Hit::ordinal).containsExactly(2);

        // file 2 changes: its old version goes, the new one comes after file 1
        writer.remove(2);
        writer.add(3, List.of("伦敦 办公室", "新加坡 团队 研究"));
        LexicalIndex second = writer.snapshot(Map.of(1L, 0, 3L, 2));
        assertThat(second.size()).isEqualTo(4);
        assertThat(second.search("新加坡", 5)).extracting(LexicalIndex.Hit::ordinal).containsExactly(3);
        assertThat(second.search("伦敦", 5)).extracting(LexicalIndex.Hit::ordinal).containsExactly(2);
        assertThat(second.search("谷歌", 5)).extracting(LexicalIndex.Hit::ordinal).containsExactly(0);

        // a question still on the first snapshot sees the old file 2
        assertThat(first.search("新加坡", 5)).extracting(LexicalIndex.Hit::ordinal).containsExactly(2);
        assertThat(first.search("伦敦", 5)).isEmpty();

        // same hits as a fresh index over the same texts
        LexicalIndex fresh = LexicalIndex.build(List.of("谷歌 大脑 研究员", "创业 公司 融资", "伦敦 办公室", "新加坡 团队 研究"));
        for (String query : List.of("研究", "办公室", "创业 融资", "新加坡 研究")) {
            assertThat(second.search(query, 5)).extracting(LexicalIndex.Hit::ordinal)
                    .containsExactlyInAnyOrderElementsOf(fresh.search(query, 5).stream().map(LexicalIndex.Hit::ordinal).toList());
        }
        writer.close();
        assertThat(second.search("伦敦", 5)).hasSize(1);
    }
}
