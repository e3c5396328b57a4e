package dev.episodebot.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.testing.EpisodeFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading one knowledge file of each format, and refusing broken ones with a reason. */
class KnowledgeReaderTest {

    private static final long ONE_MB = 1024L * 1024L;

    @TempDir
    Path dir;

    private final KnowledgeReader reader = new KnowledgeReader(20 * ONE_MB);

    private Transcript read(String name, String text) throws KnowledgeFormatException {
        return reader.read(EpisodeFiles.write(dir, name, text), name);
    }

    private Transcript read(String name, byte[] bytes) throws KnowledgeFormatException {
        return reader.read(EpisodeFiles.write(dir, name, bytes), name);
    }

    @Test
    void plainTextWithoutFrontMatterKeepsEveryNonBlankLineWithItsFileLineNumber() throws Exception {
        // GIVEN a .txt transcript with blank lines and trailing spaces
        String text = "第一行\n\n  第二行  \n\t\n第三行\n";

        // WHEN it is read
        Transcript transcript = read("ep.txt", text);

        // THEN every non-blank line is kept, cleaned, with its line number in the file
        assertThat(transcript.lines()).extracting(TranscriptLine::lineNumber, TranscriptLine::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "第一行"),
                        org.assertj.core.groups.Tuple.tuple(3, "第二行"),
                        org.assertj.core.groups.Tuple.tuple(5, "第三行"));
        assertThat(transcript.title()).isNull();
        assertThat(transcript.url()).isNull();
        assertThat(transcript.lines()).allMatch(line -> !line.timed());
    }

    @Test
    void plainTextTitleAndUrlLinesAtTheTopAreFrontMatterNotTranscript() throws Exception {
        // GIVEN a .txt file starting with title: and url: lines
        String text = "title: 第一期 访谈\nurl: https://example.com/ep1\n\n正文第一行\n正文第二行\n";

        // WHEN it is read
        Transcript transcript = read("ep.txt", text);

        // THEN the front matter names the episode and the transcript starts after it, numbered as in the file
        assertThat(transcript.title()).isEqualTo("第一期 访谈");
        assertThat(transcript.url()).isEqualTo("https://example.com/ep1");
        assertThat(transcript.displayTitle()).isEqualTo("第一期 访谈");
        assertThat(transcript.lines()).extracting(TranscriptLine::lineNumber).containsExactly(4, 5);
        assertThat(transcript.lines()).extracting(TranscriptLine::text).containsExactly("正文第一行", "正文第二行");
    }

    @Test
    void markdownYamlFrontMatterBetweenDashLinesIsReadAndSkipped() throws Exception {
        // GIVEN a .md file with a YAML-style block (quoted title, an extra key)
        String text = "---\ntitle: \"Yi Tay 回归 Google\"\nauthor: someone\nurl: 'https://youtu.be/abc'\n---\n# 小标题\n正文\n";

        // WHEN it is read
        Transcript transcript = read("notes/ep.md", text);

        // THEN title and url come from the block (quotes removed) and the text starts after the closing dashes
        assertThat(transcript.title()).isEqualTo("Yi Tay 回归 Google");
        assertThat(transcript.url()).isEqualTo("https://youtu.be/abc");
        assertThat(transcript.lines()).extracting(TranscriptLine::lineNumber).containsExactly(6, 7);
        assertThat(transcript.source()).isEqualTo("notes/ep.md");
    }

    @Test
    void frontMatterUrlThatIsNotHttpIsDropped() throws Exception {
        // GIVEN a url that is not a web link
        String text = "title: x\nurl: javascript:alert(1)\n正文\n";

        // WHEN it is read
        Transcript transcript = read("ep.txt", text);

        // THEN no link is kept (citations will not carry it)
        assertThat(transcript.url()).isNull();
        assertThat(transcript.title()).isEqualTo("x");
    }

    @Test
    void withoutTitleTheDisplayTitleIsTheFileName() throws Exception {
        // GIVEN a file without front matter in a subfolder
        // WHEN it is read
        Transcript transcript = read("season-1/ep-07.txt", "只有正文\n");

        // THEN the episode is named after the file
        assertThat(transcript.displayTitle()).isEqualTo("ep-07");
    }

    @Test
    void utf8ByteOrderMarkIsDroppedSoFrontMatterStillWorks() throws Exception {
        // GIVEN a UTF-8 file with a BOM before its front matter
        byte[] body = "title: 带BOM的节目\n第一行\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);

        // WHEN it is read
        Transcript transcript = read("bom.txt", bytes);

        // THEN the BOM is gone: the title is recognised and no line starts with it
        assertThat(transcript.title()).isEqualTo("带BOM的节目");
        assertThat(transcript.lines()).extracting(TranscriptLine::text).containsExactly("第一行");
    }

    @Test
    void srtCuesBecomeLinesCarryingTheCueTimesWithTagsStripped() throws Exception {
        // GIVEN an .srt with front matter, formatting tags and a two-line cue
        String text = """
                title: 字幕节目
                url: https://example.com/watch?v=abc

                1
                00:00:01,500 --> 00:00:04,000
                第一句<i>台词</i>

                2
                01:01:02,250 --> 01:01:05,000
                <b>第二句</b>
                第三句 &amp; 第四句
                """;

        // WHEN it is read
        Transcript transcript = read("sub.srt", text);

        // THEN each cue line keeps its file line number and the cue's start and end in milliseconds
        assertThat(transcript.title()).isEqualTo("字幕节目");
        assertThat(transcript.url()).isEqualTo("https://example.com/watch?v=abc");
        assertThat(transcript.lines()).containsExactly(
                new TranscriptLine(6, "第一句台词", 1_500, 4_000),
                new TranscriptLine(10, "第二句", 3_662_250, 3_665_000),
                new TranscriptLine(11, "第三句 & 第四句", 3_662_250, 3_665_000));
    }

    @Test
    void vttCuesWithSettingsVoiceTagsAndShortTimecodesAreRead() throws Exception {
        // GIVEN a WebVTT file with header metadata, a NOTE block, cue ids, cue settings and inline tags
        String text = """
                WEBVTT
                title: 访谈
                url: https://example.com/v

                NOTE 这是注释，不是字幕

                cue-1
                00:00:05.000 --> 00:00:07.500 align:start position:10%
                <v 主持人>欢迎收听</v>

                00:08.000 --> 00:10.250
                <c.yellow>Tom &amp; Jerry</c> <00:00:09.000>来了
                """;

        // WHEN it is read
        Transcript transcript = read("talk.vtt", text);

        // THEN only cue text is kept, tags stripped, with the cue times (mm:ss.ttt too)
        assertThat(transcript.title()).isEqualTo("访谈");
        assertThat(transcript.url()).isEqualTo("https://example.com/v");
        assertThat(transcript.lines()).containsExactly(
                new TranscriptLine(9, "欢迎收听", 5_000, 7_500),
                new TranscriptLine(12, "Tom & Jerry 来了", 8_000, 10_250));
    }

    @Test
    void binaryFileWithNulBytesIsRefused() {
        // GIVEN a file with a .txt name but binary content
        byte[] bytes = {'P', 'K', 3, 4, 0, 0, 0, 'x'};

        // WHEN / THEN it is refused as binary
        assertThatThrownBy(() -> read("archive.txt", bytes))
                .isInstanceOf(KnowledgeFormatException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void gbkEncodedTextIsRefusedAsNotUtf8() {
        // GIVEN Chinese text saved as GBK
        byte[] bytes = "这是中文字幕\n".getBytes(java.nio.charset.Charset.forName("GBK"));

        // WHEN / THEN it is refused with a hint to save it as UTF-8
        assertThatThrownBy(() -> read("gbk.txt", bytes))
                .isInstanceOf(KnowledgeFormatException.class)
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("offset 0");
    }

    @Test
    void invalidUtf8InTheMiddleReportsTheOffendingByteAndOffset() {
        // GIVEN valid text followed by a lone continuation byte
        byte[] good = "abc".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(good, 4);
        bytes[3] = (byte) 0xB5;

        // WHEN / THEN the reason names the byte and where it is
        assertThatThrownBy(() -> read("bad.txt", bytes))
                .hasMessageContaining("0xB5")
                .hasMessageContaining("offset 3");
    }

    @Test
    void utf16TextIsRefusedWithAHint() {
        // GIVEN a UTF-16 file (with its BOM)
        byte[] bytes = "字幕\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[bytes.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(bytes, 0, withBom, 2, bytes.length);

        // WHEN / THEN it is refused as UTF-16
        assertThatThrownBy(() -> read("wide.txt", withBom)).hasMessageContaining("UTF-16");
    }

    @Test
    void srtWithABrokenTimecodeIsRefusedNamingTheLine() {
        // GIVEN an .srt whose second cue has a malformed timing line
        String text = "1\n00:00:01,000 --> 00:00:02,000\n好\n\n2\n00:00:03,000 --> 00:0x:04,000\n坏\n";

        // WHEN / THEN it is refused with the line number of the broken timing
        assertThatThrownBy(() -> read("broken.srt", text)).hasMessageContaining("broken timecode at line 6");
    }

    @Test
    void srtCueThatEndsBeforeItStartsIsRefused() {
        // GIVEN a cue whose end precedes its start
        String text = "1\n00:00:05,000 --> 00:00:02,000\n倒着的\n";

        // WHEN / THEN it is refused
        assertThatThrownBy(() -> read("backwards.srt", text)).hasMessageContaining("ends before it starts");
    }

    @Test
    void vttWithoutTheWebvttHeaderIsRefused() {
        // GIVEN a .vtt file that lacks the WEBVTT first line
        String text = "00:00:01.000 --> 00:00:02.000\n你好\n";

        // WHEN / THEN it is refused
        assertThatThrownBy(() -> read("noheader.vtt", text)).hasMessageContaining("WEBVTT");
    }

    @Test
    void fileLargerThanKnowledgeMaxFileMbIsRefused() {
        // GIVEN KNOWLEDGE_MAX_FILE_MB=1 and a 1.2 MB text file
        CoreConfig config = CoreConfig.from(new Env(Map.of("KNOWLEDGE_MAX_FILE_MB", "1")));
        KnowledgeReader limited = new KnowledgeReader(config.maxFileBytes());
        byte[] big = "很长的一行字幕内容\n".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan((int) ONE_MB);
        Path file = EpisodeFiles.write(dir, "big.txt", big);

        // WHEN / THEN it is refused naming the limit's variable
        assertThatThrownBy(() -> limited.read(file, "big.txt"))
                .hasMessageContaining("too large")
                .hasMessageContaining("KNOWLEDGE_MAX_FILE_MB");
    }

    @Test
    void fileJustUnderTheLimitIsRead() throws Exception {
        // GIVEN KNOWLEDGE_MAX_FILE_MB=1 and a file a little under 1 MB
        KnowledgeReader limited = new KnowledgeReader(ONE_MB);
        byte[] bytes = "字".repeat((int) (ONE_MB / 3) - 10).getBytes(StandardCharsets.UTF_8);
        Path file = EpisodeFiles.write(dir, "fits.txt", bytes);

        // WHEN it is read
        Transcript transcript = limited.read(file, "fits.txt");

        // THEN it is accepted
        assertThat(transcript.lines()).hasSize(1);
    }

    @Test
    void emptyAndBlankFilesAreRefusedAsHavingNoText() {
        // GIVEN an empty .md and a whitespace-only .txt
        // WHEN / THEN both are refused
        assertThatThrownBy(() -> read("empty.md", "")).hasMessageContaining("no text");
        assertThatThrownBy(() -> read("blank.txt", " \n\t\n\n")).hasMessageContaining("no text");
    }

    @Test
    void subtitleFileWithoutCuesIsRefused() {
        // GIVEN an .srt that holds only prose
        // WHEN / THEN it is refused naming the line that should be a timing line
        assertThatThrownBy(() -> read("prose.srt", "这不是字幕\n"))
                .hasMessageContaining("line 1 should be a cue timing line");
    }

    @Test
    void onlyTranscriptExtensionsAreSupported() {
        // GIVEN the reader
        // WHEN asked about file names
        // THEN .txt .md .srt .vtt (any case) are supported and others are not
        assertThat(reader.supports("a.TXT")).isTrue();
        assertThat(reader.supports("a.md")).isTrue();
        assertThat(reader.supports("a.srt")).isTrue();
        assertThat(reader.supports("a.vtt")).isTrue();
        assertThat(reader.supports("a.pdf")).isFalse();
        assertThat(reader.supports("README")).isFalse();
        assertThat(reader.supports("dir.txt/file")).isFalse();
    }
}
