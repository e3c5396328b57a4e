package dev.episodebot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The scoring rules of {@link AnswerScoring}, one row per case. */
class AnswerScoringTest {

    private static final List<String> FOUR_MODELS = List.of("Core", "Flash", "Edge", "Spark");
    private static final List<String> OVERVIEW_TERMS = List.of("Reka", "DeepMind", "大厂", "创业");

    private static EvalQuestion question(QuestionKind kind, List<String> answers) {
        return new EvalQuestion("t", "zh", kind, List.of(), "question", kind == QuestionKind.OOS ? List.of() : List.of("e"),
                answers);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // kind, expected answers, answer text, grounded, hit?
                Arguments.of(QuestionKind.FACT, List.of("15"), "不到 15 人的技术团队", true, true),
                Arguments.of(QuestionKind.FACT, List.of("Quoc Le"), "向 quoc le 汇报", true, true),
                Arguments.of(QuestionKind.FACT, List.of("30 斤", "15 公斤"), "体重增加了 15 公斤", true, true),
                Arguments.of(QuestionKind.FACT, List.of("15 公斤"), "体重增加了15公斤", true, false),
                Arguments.of(QuestionKind.PARAPHRASE, List.of("终止"), "Snowflake 开价太低", true, false),
                Arguments.of(QuestionKind.CROSSLINGUAL, List.of("Amazon", "亚马逊"), "加入亚马逊", true, true),
                Arguments.of(QuestionKind.FOLLOWUP, List.of("Bing", "Copilot"), "负责 Copilot", true, true),
                Arguments.of(QuestionKind.FOLLOWUP, List.of("swyx"), "这期节目没有讲到", false, false),
                // a list needs 75% of its items: 3 of 4 hit, 2 of 4 miss
                Arguments.of(QuestionKind.LIST, FOUR_MODELS, "Reka Core (67B)、Flash (21B)、Edge (7B)", true, true),
                Arguments.of(QuestionKind.LIST, FOUR_MODELS, "Reka Core (67B)、Flash (21B)", true, false),
                Arguments.of(QuestionKind.LIST, FOUR_MODELS, "core FLASH edge spark", true, true),
                Arguments.of(QuestionKind.LIST, List.of("Noam Shazeer", "黄文灏"), "NoamShazeer 和 黄 文灏", true, true),
                Arguments.of(QuestionKind.LIST, List.of("算力", "人才", "研发"), "昂贵的算力、人才成本", true, false),
                // an overview needs half of its key terms
                Arguments.of(QuestionKind.OVERVIEW, OVERVIEW_TERMS, "Yi Tay 离开 Reka，回到 deepmind", true, true),
                Arguments.of(QuestionKind.OVERVIEW, OVERVIEW_TERMS, "Yi Tay 回到 Google DeepMind", true, false),
                Arguments.of(QuestionKind.OVERVIEW, List.of(), "Reka DeepMind", true, false),
                // out of scope: a hit is an abstention, whatever the text says
                Arguments.of(QuestionKind.OOS, List.of(), "这期节目没有讲到这个。", false, true),
                Arguments.of(QuestionKind.OOS, List.of(), "Reka 融资超过 1 亿美元", true, false));
    }

    @ParameterizedTest(name = "{0} {1} in \"{2}\" (grounded={3}) -> {4}")
    @MethodSource("rows")
    void scoresByKind(QuestionKind kind, List<String> answers, String text, boolean grounded, boolean expected) {
        // GIVEN a question of a kind with its expected strings
        EvalQuestion q = question(kind, answers);

        // WHEN an answer is scored
        boolean hit = AnswerScoring.hit(q, text, grounded);

        // THEN it follows the rule of the kind
        assertThat(hit).isEqualTo(expected);
    }

    @Test
    void shareCountsEachExpectedStringOnceIgnoringSpacesAndCase() {
        // GIVEN four items of which the answer holds two, one in other case and spacing
        // WHEN the share is computed
        double share = AnswerScoring.share(FOUR_MODELS, "c o r e and Spark, Spark, Spark");

        // THEN it is two of four, and nothing expected gives zero
        assertThat(share).isEqualTo(0.5);
        assertThat(AnswerScoring.share(List.of(), "anything")).isZero();
    }
}
