package dev.episodebot.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.knowledge.KnowledgeFormatException;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.index.RefreshReport;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A broken knowledge file beside the real episode is skipped with a reason that {@code status}
 * shows; the episode is still answered and the bot keeps running.
 */
class BadKnowledgeFilesTest {

    /** Writes one bad file (or folder) into the knowledge folder and returns the name status should show. */
    @FunctionalInterface
    interface BadFile {
        String write(Path knowledge) throws IOException;
    }

    @TempDir
    Path temp;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("binary with NUL bytes", "NUL byte", (BadFile) k -> {
                    Files.write(k.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H'});
                    return "image.txt";
                }),
                Arguments.of("GBK-encoded Chinese", "not valid UTF-8", (BadFile) k -> {
                    Files.write(k.resolve("gbk.txt"), "这是用 GBK 编码保存的字幕\n".getBytes(Charset.forName("GBK")));
                    return "gbk.txt";
                }),
                Arguments.of("invalid UTF-8 bytes", "not valid UTF-8", (BadFile) k -> {
                    Files.write(k.resolve("broken.md"), new byte[] {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
                    return "broken.md";
                }),
                Arguments.of("UTF-16 text", "UTF-16", (BadFile) k -> {
                    Files.write(k.resolve("utf16.txt"), "hello 你好\n".getBytes(StandardCharsets.UTF_16));
                    return "utf16.txt";
                }),
                Arguments.of("a 50 MB file", "too large", (BadFile) k -> {
                    try (RandomAccessFile file = new RandomAccessFile(k.resolve("huge.txt").toFile(), "rw")) {
                        file.setLength(50L * 1024 * 1024);
                    }
                    return "huge.txt";
                }),
                Arguments.of("broken SRT timecode", "broken timecode", (BadFile) k -> {
                    Files.writeString(k.resolve("bad.srt"), "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03 --> later\nno\n");
                    return "bad.srt";
                }),
                Arguments.of("SRT cue ending before it starts", "ends before it starts", (BadFile) k -> {
                    Files.writeString(k.resolve("backwards.srt"), "1\n00:00:05,000 --> 00:00:02,000\nbackwards\n");
                    return "backwards.srt";
                }),
                Arguments.of("VTT without header", "WEBVTT", (BadFile) k -> {
                    Files.writeString(k.resolve("noheader.vtt"), "00:01.000 --> 00:02.000\nhello\n");
                    return "noheader.vtt";
                }),
                Arguments.of("VTT with a broken timecode", "broken timecode", (BadFile) k -> {
                    Files.writeString(k.resolve("bad.vtt"), "WEBVTT\n\n00:01.000 --> 00:0x.000\nhello\n");
                    return "bad.vtt";
                }),
                Arguments.of("an empty file", "no text", (BadFile) k -> {
                    Files.writeString(k.resolve("empty.txt"), "\n\n");
                    return "empty.txt";
                }),
                Arguments.of("folders nested 40 deep", "nested deeper", (BadFile) k -> {
                    Path dir = k;
                    for (int i = 0; i < 40; i++) {
                        dir = dir.resolve("d" + i);
                    }
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve("deep.txt"), "很深的文件\n");
                    return "d0/d1/d2";
                }),
                Arguments.of("a symbolic link loop", "symbolic link loop", (BadFile) k -> {
                    Path loop = Files.createDirectories(k.resolve("loop"));
                    Files.createSymbolicLink(loop.resolve("again"), loop);
                    return "loop/again";
                }));
    }

    private BotCore core() {
        return TestCores.hashing(temp, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsSkippedWithItsReasonAndTheEpisodeStillAnswers(String kind, String reason, BadFile bad)
            throws IOException {
        // GIVEN the episode and one bad file
        Path knowledge = TestCores.knowledgeDir(temp);
        EpisodeFiles.copyEpisodeTo(knowledge);
        String name = bad.write(knowledge);

        try (BotCore core = core()) {
            // WHEN the knowledge is indexed
            RefreshReport report = core.refresh(IndexingListener.none());

            // THEN the bad file is skipped with a reason and the episode is served
            assertThat(report.applied()).isTrue();
            assertThat(report.files()).isEqualTo(1);
            assertThat(report.skipped()).anySatisfy(s -> {
                assertThat(s.source()).startsWith(name);
                assertThat(s.reason()).contains(reason);
            });
            BotReply answer = core.bot().handle(BotCommand.ASK,
                    new BotRequest("c", "console", Platform.CONSOLE, "Reka 的技术团队有多少人？"));
            assertThat(answer.text()).contains("15");
            String status = core.bot().handle(BotCommand.STATUS, new BotRequest("c", "console", Platform.CONSOLE, "")).text();
            assertThat(status).contains(name).contains(reason);
        }
    }

    @Test
    void aFileDeletedWhileBeingReadIsSkippedWithAReason() throws IOException {
        // GIVEN a file that was found, then deleted before it could be read
        Path gone = temp.resolve("gone.txt");
        Files.writeString(gone, "soon gone\n");
        Files.delete(gone);

        // WHEN the reader gets to it THEN it reports that the file disappeared
        Assertions.assertThatThrownBy(() -> new KnowledgeReader(1 << 20).read(gone, "gone.txt"))
                .isInstanceOf(KnowledgeFormatException.class)
                .hasMessageContaining("disappeared");
    }

    @Test
    void moderatelyDeepFoldersAreIndexed() throws IOException {
        // GIVEN a transcript ten folders down
        Path knowledge = Files.createDirectories(TestCores.knowledgeDir(temp));
        Path dir = knowledge;
        for (int i = 0; i < 10; i++) {
            dir = dir.resolve("s" + i);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("deep.txt"), "海豚乐队的鼓手名叫王小石\n");

        try (BotCore core = core()) {
            // WHEN indexed THEN it is served
            RefreshReport report = core.refresh(IndexingListener.none());
            assertThat(report.files()).isEqualTo(1);
            assertThat(report.skipped()).isEmpty();
        }
    }
}
