package dev.episodebot.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.embedding.EmbeddingModelSpec;
import dev.episodebot.core.embedding.TokenCounter;
import dev.episodebot.core.testing.EpisodeFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chunks keep their provenance, overlap, and never exceed the embedding model's token limit. */
class ChunkerTest {

    private static final EmbeddingModelSpec BGE = EmbeddingModelSpec.BGE_SMALL_ZH_V15;

    private static TokenCounter tokens;
    private static Transcript episode;

    @BeforeAll
    static void readEpisode() throws Exception {
        tokens = new TokenCounter(BGE);
        episode = new KnowledgeReader(Long.MAX_VALUE).read(EpisodeFiles.episode(), EpisodeFiles.EPISODE);
    }

    @AfterAll
    static void closeTokenizer() {
        tokens.close();
    }

    private static List<Chunk> chunkEpisode() {
        return new Chunker(BGE.chunking(), tokens).chunk(episode);
    }

    @Test
    void chunkLinesAreTheFileLinesWithTheirLineNumbers() {
        // GIVEN the bundled episode and its raw lines
        List<String> fileLines = EpisodeFiles.episodeLines();

        // WHEN it is chunked
        List<Chunk> chunks = chunkEpisode();

        // THEN every chunk line is the file's line at that number, and the chunk text is its lines joined
        assertThat(chunks).hasSizeGreaterThan(5);
        for (Chunk chunk : chunks) {
            for (TranscriptLine line : chunk.lines()) {
                assertThat(line.text()).isEqualTo(fileLines.get(line.lineNumber() - 1).strip());
            }
            assertThat(chunk.text()).isEqualTo(String.join("\n", chunk.lines().stream().map(TranscriptLine::text).toList()));
            assertThat(chunk.source()).isEqualTo(EpisodeFiles.EPISODE);
        }
    }

    @Test
    void chunkLinesAreConsecutiveTranscriptLines() {
        // GIVEN the episode's transcript lines in order
        List<TranscriptLine> all = episode.lines();

        // WHEN it is chunked
        List<Chunk> chunks = chunkEpisode();

        // THEN each chunk is an unbroken run of transcript lines
        for (Chunk chunk : chunks) {
            int first = all.indexOf(chunk.lines().get(0));
            assertThat(all.subList(first, first + chunk.lines().size())).isEqualTo(chunk.lines());
        }
    }

    @Test
    void consecutiveChunksOverlapAndTogetherCoverEveryLine() {
        // GIVEN the chunked episode
        List<Chunk> chunks = chunkEpisode();

        // WHEN consecutive chunks are compared
        // THEN each next chunk starts inside the previous one but further on, so all lines are covered
        for (int i = 1; i < chunks.size(); i++) {
            Chunk previous = chunks.get(i - 1);
            Chunk next = chunks.get(i);
            assertThat(next.lineStart()).as("chunk %d starts inside chunk %d", i, i - 1)
                    .isLessThanOrEqualTo(previous.lineEnd())
                    .isGreaterThan(previous.lineStart());
        }
        List<TranscriptLine> covered = chunks.stream().flatMap(c -> c.lines().stream()).distinct().toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(episode.lines());
    }

    @Test
    void overlapRepeatsAboutOverlapCharsOfWholeLines() {
        // GIVEN short lines of 10 characters and chunks of 100 characters overlapping by 30
        List<TranscriptLine> lines = IntStream.rangeClosed(1, 40)
                .mapToObj(n -> TranscriptLine.untimed(n, String.format("第%02d行的内容文字。", n)))
                .toList();
        Transcript transcript = new Transcript("t.txt", null, null, lines);

        // WHEN it is chunked
        List<Chunk> chunks = new Chunker(new ChunkingOptions(100, 30, 510), tokens).chunk(transcript);

        // THEN every chunk holds at most 100 characters and the next one repeats the last 3 lines (30 characters)
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            assertThat(chunk.lines().stream().mapToInt(l -> l.text().length()).sum()).isLessThanOrEqualTo(100);
            if (i > 0) {
                assertThat(chunk.lineStart()).isEqualTo(chunks.get(i - 1).lineEnd() - 2);
            }
        }
        assertThat(chunks.get(chunks.size() - 1).lineEnd()).isEqualTo(40);
    }

    @Test
    void noEpisodeChunkExceedsTheModelTokenLimit() {
        // GIVEN the episode chunked for bge-small-zh-v1.5
        List<Chunk> chunks = chunkEpisode();

        // WHEN each chunk is counted with the model's tokenizer
        // THEN none passes the model's input limit
        assertThat(chunks).allSatisfy(chunk -> assertThat(tokens.applyAsInt(chunk.text()))
                .isLessThanOrEqualTo(BGE.maxTokens()));
    }

    @Test
    void chunksAreSplitUntilTheyFitATightTokenLimit() {
        // GIVEN chunk sizes in characters far above what a 40-token limit allows
        ChunkingOptions tight = new ChunkingOptions(400, 50, 40);

        // WHEN the episode is chunked
        List<Chunk> chunks = new Chunker(tight, tokens).chunk(episode);

        // THEN every chunk fits in 40 tokens and still every line is in some chunk
        assertThat(chunks).allSatisfy(chunk -> assertThat(tokens.applyAsInt(chunk.text())).isLessThanOrEqualTo(40));
        assertThat(chunks.stream().flatMap(c -> c.lines().stream().map(TranscriptLine::lineNumber)).distinct())
                .containsExactlyInAnyOrderElementsOf(episode.lines().stream().map(TranscriptLine::lineNumber).toList());
    }

    @Test
    void longProseLineIsSplitAtSentenceEndsAndGluedBackWithoutALineBreak() {
        // GIVEN a markdown paragraph written as one 30-sentence line, far longer than a chunk
        StringBuilder paragraph = new StringBuilder();
        for (int n = 1; n <= 30; n++) {
            paragraph.append("这是第").append(n).append("句话，讲的是创业公司和大模型的故事。");
        }
        String line = paragraph.toString();
        Transcript transcript = new Transcript("essay.md", null, null, List.of(TranscriptLine.untimed(5, line)));

        // WHEN it is chunked for bge-small-zh-v1.5
        List<Chunk> ofParagraph = new Chunker(BGE.chunking(), tokens).chunk(transcript);

        // THEN the paragraph spans several chunks, each cut at a sentence end and carrying line number 5
        assertThat(ofParagraph).hasSizeGreaterThan(2);
        for (Chunk chunk : ofParagraph) {
            assertThat(chunk.lines()).allMatch(l -> l.lineNumber() == 5);
            assertThat(chunk.text()).doesNotContain("\n").endsWith("。");
            assertThat(line).contains(chunk.text());
            assertThat(chunk.text().length()).isLessThanOrEqualTo(BGE.chunking().targetChars());
        }
        // AND the pieces, in order, give back the whole line
        List<String> pieces = new ArrayList<>();
        for (Chunk chunk : ofParagraph) {
            for (TranscriptLine piece : chunk.lines()) {
                if (!pieces.contains(piece.text())) {
                    pieces.add(piece.text());
                }
            }
        }
        assertThat(String.join("", pieces)).isEqualTo(line);
    }

    @Test
    void piecesOfOneLineInTheSameChunkAreJoinedWithoutALineBreak() {
        // GIVEN a line cut into two sentence pieces followed by another line
        List<TranscriptLine> units = List.of(TranscriptLine.untimed(7, "First sentence. "),
                TranscriptLine.untimed(7, "Second sentence."), TranscriptLine.untimed(8, "Next line."));

        // WHEN they are joined into chunk text
        String text = Chunker.join(units);

        // THEN the pieces of line 7 are glued back and line 8 starts a new line
        assertThat(text).isEqualTo("First sentence. Second sentence.\nNext line.");
    }

    @Test
    void englishProseIsSplitAfterPeriodsFollowedBySpace() {
        // GIVEN a long English line of sentences (decimals like 3.3 must not end a sentence)
        String sentence = "The team trained models over 3.3 years with limited compute and many setbacks. ";
        String line = sentence.repeat(12).strip();
        Transcript transcript = new Transcript("en.md", null, null, List.of(TranscriptLine.untimed(1, line)));

        // WHEN it is chunked with 200-character chunks
        List<Chunk> chunks = new Chunker(new ChunkingOptions(200, 50, 510), tokens).chunk(transcript);

        // THEN each chunk ends with a full sentence and none is cut inside "3.3"
        assertThat(chunks).hasSizeGreaterThan(3);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text()).endsWith("setbacks."));
    }

    @Test
    void subtitleChunksCarryTheStartOfTheirFirstCueAndTheEndOfTheirLast() {
        // GIVEN a subtitle transcript of 30 timed cues, 4 seconds each
        List<TranscriptLine> lines = IntStream.range(0, 30)
                .mapToObj(n -> new TranscriptLine(4 * n + 3, "第" + n + "条字幕，说了一些关于节目的话", n * 4_000L, n * 4_000L + 3_500))
                .toList();
        Transcript transcript = new Transcript("talk.srt", "t", "https://example.com/v", lines);

        // WHEN it is chunked
        List<Chunk> chunks = new Chunker(BGE.chunking(), tokens).chunk(transcript);

        // THEN each chunk's start/end are its first cue's start and its last cue's end
        assertThat(chunks).hasSizeGreaterThan(2);
        for (Chunk chunk : chunks) {
            assertThat(chunk.startMillis()).isEqualTo(chunk.lines().get(0).startMillis());
            assertThat(chunk.endMillis()).isEqualTo(chunk.lines().get(chunk.lines().size() - 1).endMillis());
            assertThat(chunk.endMillis()).isGreaterThan(chunk.startMillis());
            assertThat(chunk.url()).isEqualTo("https://example.com/v");
        }
        assertThat(chunks.get(1).startMillis()).isGreaterThan(chunks.get(0).startMillis());
    }
}
