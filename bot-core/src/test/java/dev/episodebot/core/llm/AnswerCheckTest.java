package dev.episodebot.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An LLM reply checked against its context: quotes verbatim ignoring whitespace, punctuation and
 * full/half width, across consecutive lines but not across a gap; the sentence of an unverifiable
 * quote removed; citations of lines outside the context dropped.
 */
class AnswerCheckTest {

    private static final EpisodeRecord EPISODE = new EpisodeRecord("ep.txt", "Ep", null, "hash", List.of(
            TranscriptLine.untimed(10, "此外"),
            TranscriptLine.untimed(11, "这些成就是由不到 15 人的技术团队完成的"),
            TranscriptLine.untimed(12, "个人层面"),
            TranscriptLine.untimed(20, "Yi Tay said scaling is all you need")), Map.of());

    /** Lines 10-12 and 20 in the context, with a gap between 12 and 20 (the episode has no lines between). */
    private static final LlmContext CONTEXT = new LlmContext(List.of(new ContextBlock(null, EPISODE,
            List.of(EPISODE.lines().get(0), EPISODE.lines().get(1), EPISODE.lines().get(3)), false)), 50);

    @Test
    void quotesAreVerifiedIgnoringWhitespacePunctuationAndWidth() {
        // GIVEN quotes written with full-width digits, other spacing, a comma, and English quotes
        String answer = "他说「这些成就是由不到１５人的技术团队，完成的」[L11]。He said “scaling is all you need” [L20].";

        // WHEN the reply is checked
        LlmReply reply = LlmAnswerer.check(answer, CONTEXT);

        // THEN nothing is removed
        assertThat(reply.removedQuotes()).isEmpty();
        assertThat(reply.text()).contains("１５").contains("scaling is all you need");
        assertThat(reply.cited()).hasSize(2);
    }

    @Test
    void aQuoteAcrossConsecutiveLinesIsVerifiedButNotAcrossLinesLeftOut() {
        // GIVEN one quote over lines 10-11, and one over 11 and 20 (not consecutive in the context)
        LlmReply across = LlmAnswerer.check("原话是「此外这些成就」[L10-11]。", CONTEXT);
        LlmReply gap = LlmAnswerer.check("原话是「技术团队完成的Yi Tay said」[L11]。真的 [L11]。", CONTEXT);

        // THEN the first stands, the second's sentence is removed
        assertThat(across.removedQuotes()).isEmpty();
        assertThat(gap.removedQuotes()).containsExactly("技术团队完成的Yi Tay said");
        assertThat(gap.text()).isEqualTo("真的 [1]。");
    }

    @Test
    void aFabricatedQuoteTakesItsSentenceAndItsCitationWithIt() {
        // GIVEN a made-up quote between two true sentences
        String answer = "团队不到 15 人 [L11]。据说「Reka 有 500 名员工」[L12]! Yi Tay talked about \"scaling laws forever\" [L20]. 个人层面很紧张 [L12]。";

        // WHEN the reply is checked
        LlmReply reply = LlmAnswerer.check(answer, CONTEXT);

        // THEN both made-up quotes go with their sentences; line 12 is not in the context, so its citation goes too
        assertThat(reply.removedQuotes()).containsExactly("Reka 有 500 名员工", "scaling laws forever");
        assertThat(reply.text()).isEqualTo("团队不到 15 人 [1]。 个人层面很紧张。");
        assertThat(reply.cited()).singleElement().satisfies(c -> assertThat(c.lines().get(0).lineNumber()).isEqualTo(11));
        assertThat(reply.sourced()).isTrue();
    }

    @Test
    void anAnswerLeftWithoutACitationIsNotSourced() {
        // GIVEN an answer whose only cited sentence holds a made-up quote
        LlmReply reply = LlmAnswerer.check("他说「我们有 500 人」[L11]。", CONTEXT);

        // THEN it is not sourced (the caller falls back to the transcript quotes)
        assertThat(reply.sourced()).isFalse();
    }

    @Test
    void draftsHideMarkersAndTheNotFoundSentinel() {
        assertThat(LlmAnswerer.draftText("不到 15 人 [L11]，而且 [L1")).isEqualTo("不到 15 人，而且");
        assertThat(LlmAnswerer.draftText("NOT_IN")).isEmpty();
        assertThat(LlmAnswerer.draftText("NOT_IN_EPISODE")).isEmpty();
    }

    @Test
    void aDraftHoldsBackAnOpenQuoteAndDropsAnInventedOne() {
        QuoteVerifier drafts = new QuoteVerifier(CONTEXT);

        // an open quote waits for its closing mark
        assertThat(drafts.draft("团队不到 15 人。据说「Reka 有 5")).isEqualTo("团队不到 15 人。据说");
        assertThat(drafts.draft("He said \"scaling")).isEqualTo("He said");
        // once closed it is checked: a true one is shown, an invented one takes its sentence with it
        assertThat(drafts.draft("原话是「此外这些成就」。后来")).isEqualTo("原话是「此外这些成就」。后来");
        assertThat(drafts.draft("团队不到 15 人。据说「Reka 有 500 名员工」。后来")).isEqualTo("团队不到 15 人。 后来");
    }
}
