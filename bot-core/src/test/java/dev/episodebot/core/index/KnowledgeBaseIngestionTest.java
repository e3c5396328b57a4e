package dev.episodebot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.knowledge.SkippedFile;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder mixing good and broken files is indexed as far as it can be. */
class KnowledgeBaseIngestionTest {

    @TempDir
    Path root;

    @Test
    void brokenFilesAreSkippedAndEveryGoodFileIsIndexed() throws Exception {
        // GIVEN the episode, a subtitle file in a subfolder, and broken files
        Path knowledge = TestCores.knowledgeDir(root);
        EpisodeFiles.copyEpisodeTo(knowledge);
        EpisodeFiles.write(knowledge, "extra/notes.vtt",
                "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n节目录制于二零二四年十二月的一个下雪天\n");
        EpisodeFiles.write(knowledge, "binary.md", new byte[] {1, 0, 2, 0});
        EpisodeFiles.write(knowledge, "gbk.txt", "中文字幕".getBytes(Charset.forName("GBK")));
        EpisodeFiles.write(knowledge, "extra/noheader.vtt", "00:00:01.000 --> 00:00:02.000\n你好\n");
        EpisodeFiles.write(knowledge, "empty.txt", "");
        Files.createSymbolicLink(knowledge.resolve("extra/loop"), knowledge);

        try (BotCore core = TestCores.create(TestCores.config(root))) {
            // WHEN it is indexed
            RefreshReport report = core.refresh(IndexingListener.none());
            IndexState index = core.knowledge().index();

            // THEN both good files are sources with chunks, and each broken entry is listed with a reason
            assertThat(report.applied()).isTrue();
            assertThat(index.sources()).extracting(SourceSummary::source)
                    .containsExactlyInAnyOrder(EpisodeFiles.EPISODE, "extra/notes.vtt");
            assertThat(index.sources()).allMatch(s -> s.chunks() > 0);
            Map<String, String> skipped = report.skipped().stream()
                    .collect(Collectors.toMap(SkippedFile::source, SkippedFile::reason));
            assertThat(skipped).containsOnlyKeys("binary.md", "gbk.txt", "extra/noheader.vtt", "empty.txt", "extra/loop");
            assertThat(index.skipped()).hasSize(5);
            // AND the subtitle in the subfolder can be answered from
            var answer = core.answerer().answer("节目是什么时候录制的？", java.util.List.of());
            assertThat(answer.grounded()).isTrue();
            assertThat(answer.citations()).extracting(c -> c.source()).contains("extra/notes.vtt");
        }
    }
}
