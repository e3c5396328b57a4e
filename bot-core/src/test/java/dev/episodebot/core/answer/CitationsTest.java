package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Citation;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Citations quote lines verbatim and link timecoded episodes to the moment. */
class CitationsTest {

    private static Chunk chunk(String url, List<TranscriptLine> lines) {
        return new Chunk("talks/ep1.srt", "第一期", url, lines,
                String.join("\n", lines.stream().map(TranscriptLine::text).toList()));
    }

    private static final List<TranscriptLine> TIMED = List.of(
            new TranscriptLine(10, "第一句", 62_250, 65_000),
            new TranscriptLine(11, "第二句", 62_250, 65_000),
            new TranscriptLine(15, "第三句", 3_725_000, 3_728_900));

    @Test
    void timecodedCitationLinksToTheFirstQuotedMomentInSeconds() {
        // GIVEN a timecoded chunk of an episode with a link
        Chunk chunk = chunk("https://example.com/episode", TIMED);

        // WHEN its last two lines are cited
        Citation citation = Citations.of(chunk, TIMED.subList(1, 3));

        // THEN the link points at the first cited line's start, in whole seconds, and the times are HH:MM:SS
        assertThat(citation.url()).isEqualTo("https://example.com/episode?t=62");
        assertThat(citation.start()).isEqualTo("00:01:02");
        assertThat(citation.end()).isEqualTo("01:02:08");
        assertThat(citation.lineStart()).isEqualTo(11);
        assertThat(citation.lineEnd()).isEqualTo(15);
        assertThat(citation.label()).isEqualTo("talks/ep1.srt L11-15 @00:01:02");
    }

    @Test
    void linkWithAQueryGetsTheTimeAsAnotherParameter() {
        // GIVEN a YouTube watch link
        Chunk chunk = chunk("https://www.youtube.com/watch?v=abc123", TIMED);

        // WHEN a line is cited
        Citation citation = Citations.of(chunk, TIMED.subList(2, 3));

        // THEN t= is appended with &
        assertThat(citation.url()).isEqualTo("https://www.youtube.com/watch?v=abc123&t=3725");
    }

    @Test
    void anExistingTimeParameterIsReplacedNotRepeated() {
        // GIVEN links that already carry a start time
        // WHEN lines are cited
        String first = Citations.of(chunk("https://youtu.be/abc?t=30", TIMED), TIMED.subList(0, 1)).url();
        String middle = Citations.of(chunk("https://www.youtube.com/watch?v=abc&t=1m30s&list=x", TIMED),
                TIMED.subList(0, 1)).url();

        // THEN the old time is gone and the cited moment is the only t=
        assertThat(first).isEqualTo("https://youtu.be/abc?t=62");
        assertThat(middle).isEqualTo("https://www.youtube.com/watch?v=abc&list=x&t=62");
    }

    @Test
    void untimedCitationKeepsThePlainLinkAndHasNoTimes() {
        // GIVEN a chunk of a plain-text transcript with a link
        List<TranscriptLine> lines = List.of(TranscriptLine.untimed(4, "甲"), TranscriptLine.untimed(5, "乙"));

        // WHEN it is cited
        Citation citation = Citations.of(chunk("https://example.com/ep", lines));

        // THEN the link is unchanged and there are no times
        assertThat(citation.url()).isEqualTo("https://example.com/ep");
        assertThat(citation.start()).isNull();
        assertThat(citation.end()).isNull();
        assertThat(citation.label()).isEqualTo("talks/ep1.srt L4-5");
    }

    @Test
    void withoutALinkThereIsNoUrl() {
        // GIVEN a timecoded chunk without a link
        // WHEN it is cited
        Citation citation = Citations.of(chunk(null, TIMED));

        // THEN there is no url, but the times are there
        assertThat(citation.url()).isNull();
        assertThat(citation.start()).isEqualTo("00:01:02");
    }

    @Test
    void quoteIsTheLinesVerbatimWithPiecesOfOneLineGluedBack() {
        // GIVEN a line cut into two sentence pieces, then another line
        List<TranscriptLine> lines = List.of(TranscriptLine.untimed(3, "前半句。"), TranscriptLine.untimed(3, "后半句。"),
                TranscriptLine.untimed(4, "下一行"));

        // WHEN they are cited
        Citation citation = Citations.of(chunk(null, lines));

        // THEN the quote restores the line and breaks only between lines; the title comes along
        assertThat(citation.quote()).isEqualTo("前半句。后半句。\n下一行");
        assertThat(citation.title()).isEqualTo("第一期");
        assertThat(citation.label()).isEqualTo("talks/ep1.srt L3-4");
    }
}
