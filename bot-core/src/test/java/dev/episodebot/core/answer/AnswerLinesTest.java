package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Language;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which scored lines answer: the type decides the line, lists collect items, a second line needs its score. */
class AnswerLinesTest {

    private static final List<String> TEXTS = List.of(
            "大家好，这里是最佳拍档", // 1
            "今天聊聊创业", // 2
            "Yi Tay 曾经透露", // 3
            "他花了大约 3.3 年的时间攻读博士学位", // 4
            "一毕业之后", // 5
            "就以研究员的身份加入 Google", // 6
            "随后又回到新加坡", // 7
            "比如 PaLM、UL2、LaMDA 等等", // 8
            "此外", // 9
            "他还在 ViT-22B 和 PaLI-X 的开发中", // 10
            "有着不同程度的合作", // 11
            "创业真的使 Yi Tay 变胖了", // 12
            "这是一段疯狂的旅程", // 13
            "我胖了 30 斤"); // 14

    private static final List<TranscriptLine> LINES = lines();
    private static final RetrievedPassage PASSAGE = new RetrievedPassage(
            new Chunk("ep.txt", "ep", null, LINES, String.join("\n", TEXTS)), 0, 0.5, 1, 0, 0.1);
    private static final EpisodeLines EPISODES = new EpisodeLines(source -> LINES);

    private static List<TranscriptLine> lines() {
        List<TranscriptLine> lines = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            lines.add(TranscriptLine.untimed(i + 1, TEXTS.get(i)));
        }
        return lines;
    }

    private static QuestionAnalysis question(String text, boolean list) {
        AnswerType type = AnswerType.of(text);
        return new QuestionAnalysis(text, text, Language.ZH, Language.ZH, type, Quantity.of(text, type), list, false,
                false, List.of(), List.of(), List.of(), List.of(), java.util.Optional.empty());
    }

    /** Scored lines from line number → score, typed as the question's type says. */
    private static List<ScoredLine> scored(QuestionAnalysis question, Map<Integer, Double> scores) {
        List<ScoredLine> ranked = new ArrayList<>();
        scores.forEach((n, score) -> ranked.add(new ScoredLine(PASSAGE, LINES.get(n - 1), score, 0, score, 0,
                question.answeredBy(LINES.get(n - 1).text()), 0)));
        ranked.sort(Comparator.comparingDouble(ScoredLine::score).reversed());
        return ranked;
    }

    private static List<Integer> numbers(List<ScoredLine> lines) {
        return lines.stream().map(l -> l.line().lineNumber()).toList();
    }

    @Test
    void aNumberQuestionIsAnsweredByTheLineWithTheNumberNextToTheBestMatch() {
        // GIVEN a duration question whose best line has no number, the line after it has one
        QuestionAnalysis q = question("Yi Tay 读博读了多久", false);
        List<ScoredLine> ranked = scored(q, Map.of(3, 0.80, 6, 0.60));

        // WHEN the answering lines are chosen THEN the line with the span of time leads
        assertThat(numbers(AnswerLines.choose(ranked, q, EPISODES).lines()).get(0)).isEqualTo(4);
    }

    @Test
    void aTypedLineElsewhereAnswersWhenItScoresNearlyAsWell() {
        // GIVEN a weight question: the best line says he got fat, the line with 斤 is further away but close in score
        QuestionAnalysis q = question("他胖了多少？", false);
        List<ScoredLine> ranked = scored(q, Map.of(12, 0.80, 14, 0.62, 2, 0.50));
        // AND the same with the best line six lines away from the one with 斤 (out of the window's reach)
        List<ScoredLine> far = scored(q, Map.of(8, 0.80, 14, 0.62, 2, 0.50));

        // WHEN chosen THEN the line with the weight leads in both
        assertThat(numbers(AnswerLines.choose(ranked, q, EPISODES).lines()).get(0)).isEqualTo(14);
        assertThat(numbers(AnswerLines.choose(far, q, EPISODES).lines()).get(0)).isEqualTo(14);
    }

    @Test
    void aTypedLineFarBelowTheBestDoesNotAnswer() {
        // GIVEN a weight question whose only line with 斤 scores far below the best
        QuestionAnalysis q = question("他胖了多少？", false);
        List<ScoredLine> ranked = scored(q, Map.of(8, 0.80, 14, 0.40));

        // THEN the best line stays the lead (and the judge will see no number held)
        ScoredLine lead = AnswerLines.choose(ranked, q, EPISODES).lines().get(0);
        assertThat(lead.line().lineNumber()).isEqualTo(8);
        assertThat(lead.typed()).isFalse();
    }

    @Test
    void aSecondLineFromElsewhereNeedsANearlyAsGoodScore() {
        QuestionAnalysis q = question("说说他的经历", false);
        assertThat(numbers(AnswerLines.choose(scored(q, Map.of(3, 0.80, 12, 0.75)), q, EPISODES).lines()))
                .containsExactly(3, 12);
        assertThat(numbers(AnswerLines.choose(scored(q, Map.of(3, 0.80, 12, 0.60)), q, EPISODES).lines()))
                .containsExactly(3);
        // a neighbour of the lead is part of its quote, not a second answer
        assertThat(numbers(AnswerLines.choose(scored(q, Map.of(3, 0.80, 4, 0.79)), q, EPISODES).lines()))
                .containsExactly(3);
    }

    @Test
    void aListCollectsOneItemPerPlaceInTranscriptOrder() {
        // GIVEN a list question with good lines in three places, two of them within one run of lines
        QuestionAnalysis q = question("他参与过哪些项目？", true);
        List<ScoredLine> ranked = scored(q, Map.of(10, 0.80, 8, 0.78, 3, 0.74, 13, 0.50));

        // WHEN the items are collected
        List<ScoredLine> items = AnswerLines.choose(ranked, q, EPISODES).items();

        // THEN lines 8 and 10 make one item (one quote runs on over both), line 3 another; line 13 is too weak
        assertThat(items).hasSize(2);
        assertThat(numbers(items).get(0)).isEqualTo(3);
        assertThat(numbers(items).get(1)).isIn(8, 10);
        // AND a question that is not a list has no items
        assertThat(AnswerLines.choose(ranked, question("他参与过什么项目", false), EPISODES).items()).isEmpty();
    }

    @Test
    void anItemThatOpensAnEnumerationIsQuotedThroughIt() {
        // GIVEN an item two lines before the line that opens an enumeration (比如 …), and one far from any
        ScoredLine opening = new ScoredLine(PASSAGE, LINES.get(5), 0.7, 0, 0.7, 0, false, 0);
        ScoredLine plain = new ScoredLine(PASSAGE, LINES.get(11), 0.7, 0, 0.7, 0, false, 0);

        // WHEN their quoted spans are taken
        List<Integer> through = AnswerLines.span(opening, EPISODES).stream().map(TranscriptLine::lineNumber).toList();
        List<Integer> usual = AnswerLines.span(plain, EPISODES).stream().map(TranscriptLine::lineNumber).toList();

        // THEN the first runs on through the enumeration's lines after 比如 (line 8), the other as usual
        assertThat(through).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(usual).containsExactly(11, 12, 13, 14);
    }
}
