package dev.episodebot.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.LogCapture;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a knowledge folder: subfolders, ignored files, broken files skipped with reasons, reuse. */
class KnowledgeLoaderTest {

    private static final long ONE_MB = 1024L * 1024L;

    @TempDir
    Path dir;

    private final KnowledgeLoader loader = new KnowledgeLoader(new KnowledgeReader(ONE_MB));

    private static Map<String, String> reasons(KnowledgeLoader.Load load) {
        return load.skipped().stream().collect(Collectors.toMap(SkippedFile::source, SkippedFile::reason));
    }

    private static Map<String, LoadedFile> bySource(KnowledgeLoader.Load load) {
        return load.files().stream().collect(Collectors.toMap(f -> f.ref().source(), Function.identity()));
    }

    /** Good files of each format in subfolders, and one broken file of every kind. */
    private void writeMixedFolder() throws Exception {
        EpisodeFiles.write(dir, "good.txt", "title: 好节目\n第一行\n第二行\n");
        EpisodeFiles.write(dir, "season1/ep2.srt", "1\n00:00:01,000 --> 00:00:02,000\n字幕一\n");
        EpisodeFiles.write(dir, "season1/deeper/ep3.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n字幕二\n");
        EpisodeFiles.write(dir, "notes.md", "---\ntitle: 笔记\n---\n正文\n");
        EpisodeFiles.write(dir, "binary.txt", new byte[] {'a', 0, 'b'});
        EpisodeFiles.write(dir, "gbk.txt", "中文字幕".getBytes(Charset.forName("GBK")));
        EpisodeFiles.write(dir, "utf16.txt", new byte[] {(byte) 0xFE, (byte) 0xFF, 0x4E, 0x2D});
        EpisodeFiles.write(dir, "broken.srt", "1\n00:00:01,000 --> 00:00:xx,000\n坏\n");
        EpisodeFiles.write(dir, "noheader.vtt", "00:00:01.000 --> 00:00:02.000\n没有头\n");
        EpisodeFiles.write(dir, "big.txt", "x".repeat((int) ONE_MB + 1));
        EpisodeFiles.write(dir, "empty.md", "");
        Files.createSymbolicLink(dir.resolve("season1/loop"), dir);
    }

    @Test
    void brokenFilesAreSkippedWithAReasonWhileGoodOnesAreLoaded() throws Exception {
        // GIVEN a folder mixing good transcripts (in subfolders) and broken files of every kind
        writeMixedFolder();

        // WHEN it is loaded
        KnowledgeLoader.Load load = loader.load(dir, Map.of());

        // THEN the good files are transcripts, named relative to the folder with / separators
        assertThat(load.transcripts()).extracting(Transcript::source).containsExactlyInAnyOrder(
                "good.txt", "notes.md", "season1/ep2.srt", "season1/deeper/ep3.vtt");
        // AND each broken entry is skipped with its reason
        Map<String, String> reasons = reasons(load);
        assertThat(reasons).containsOnlyKeys("binary.txt", "gbk.txt", "utf16.txt", "broken.srt", "noheader.vtt",
                "big.txt", "empty.md", "season1/loop");
        assertThat(reasons.get("binary.txt")).contains("binary");
        assertThat(reasons.get("gbk.txt")).contains("not valid UTF-8");
        assertThat(reasons.get("utf16.txt")).contains("UTF-16");
        assertThat(reasons.get("broken.srt")).contains("broken timecode");
        assertThat(reasons.get("noheader.vtt")).contains("WEBVTT");
        assertThat(reasons.get("big.txt")).contains("too large");
        assertThat(reasons.get("empty.md")).contains("no text");
        assertThat(reasons.get("season1/loop")).contains("symbolic link loop");
    }

    @Test
    void eachSkippedEntryIsLoggedOnceWithItsReason() throws Exception {
        // GIVEN a folder with broken files
        writeMixedFolder();

        // WHEN it is loaded while the loader's log is captured
        List<String> messages;
        try (LogCapture logs = LogCapture.of(KnowledgeLoader.class)) {
            loader.load(dir, Map.of());
            messages = logs.messages();
        }

        // THEN there is exactly one warning per skipped entry, naming it and its reason
        assertThat(messages).hasSize(8);
        assertThat(messages).filteredOn(m -> m.contains("gbk.txt")).singleElement().asString()
                .contains("not valid UTF-8");
        assertThat(messages).filteredOn(m -> m.contains("season1/loop")).singleElement().asString()
                .contains("symbolic link loop");
    }

    @Test
    void hiddenFilesEditorLeftoversAndOtherExtensionsAreIgnoredSilently() throws Exception {
        // GIVEN a transcript next to dot files, a hidden folder, editor temp files and a PDF
        EpisodeFiles.write(dir, "ep.txt", "正文\n");
        EpisodeFiles.write(dir, ".hidden.txt", "隐藏\n");
        EpisodeFiles.write(dir, ".git/notes.txt", "隐藏\n");
        EpisodeFiles.write(dir, "~ep.txt", "临时\n");
        EpisodeFiles.write(dir, "ep.txt~", "备份\n");
        EpisodeFiles.write(dir, "ep.txt.swp", "交换\n");
        EpisodeFiles.write(dir, "slides.pdf", new byte[] {'%', 'P', 'D', 'F', 0});

        // WHEN the folder is loaded
        KnowledgeLoader.Load load = loader.load(dir, Map.of());

        // THEN only the transcript is found, and nothing is reported as skipped
        assertThat(load.files()).extracting(f -> f.ref().source()).containsExactly("ep.txt");
        assertThat(load.skipped()).isEmpty();
    }

    @Test
    void missingFolderGivesAnEmptyLoad() throws Exception {
        // GIVEN a folder that does not exist
        Path missing = dir.resolve("nope");

        // WHEN it is loaded
        KnowledgeLoader.Load load = loader.load(missing, Map.of());

        // THEN nothing is found and nothing fails
        assertThat(load.files()).isEmpty();
        assertThat(load.skipped()).isEmpty();
    }

    @Test
    void unchangedFilesAreReusedAndOnlyChangedOnesAreReadAgain() throws Exception {
        // GIVEN a loaded folder of two files
        EpisodeFiles.write(dir, "a.txt", "甲\n");
        Path b = EpisodeFiles.write(dir, "b.txt", "乙\n");
        KnowledgeLoader.Load first = loader.load(dir, Map.of());

        // WHEN b changes (content and time) and the folder is loaded again with the first load as previous
        Files.writeString(b, "乙 改过了\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 2_000));
        Map<String, LoadedFile> previous = new HashMap<>(bySource(first));
        KnowledgeLoader.Load second = loader.load(dir, previous);

        // THEN a is the very same loaded file, and only b was read again
        assertThat(second.read()).isEqualTo(1);
        assertThat(second.reused()).isEqualTo(1);
        assertThat(bySource(second).get("a.txt")).isSameAs(previous.get("a.txt"));
        assertThat(bySource(second).get("b.txt").transcript().lines().get(0).text()).isEqualTo("乙 改过了");
    }
}
