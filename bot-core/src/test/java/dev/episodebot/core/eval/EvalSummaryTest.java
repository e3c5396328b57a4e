package dev.episodebot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The figures of {@link EvalSummary} on hand-made results. */
class EvalSummaryTest {

    private static EvalResult result(String lang, QuestionKind kind, int hitRank, boolean grounded, boolean hit) {
        List<String> evidence = kind == QuestionKind.OOS ? List.of() : List.of("e");
        EvalQuestion q = new EvalQuestion(kind.id(), lang, kind, List.of(), "q", evidence, evidence.isEmpty() ? List.of()
                : List.of("a"));
        return new EvalResult(q, List.of(), List.of("t"), "answer", grounded, hitRank, hit);
    }

    private static final EvalSummary SUMMARY = new EvalSummary(List.of(
            result("zh", QuestionKind.FACT, 0, true, true),
            result("zh", QuestionKind.FACT, 4, true, false),
            result("zh", QuestionKind.FOLLOWUP, 2, true, true),
            result("zh", QuestionKind.LIST, -1, true, false),       // counts for recall per language, not the headline
            result("en", QuestionKind.CROSSLINGUAL, 1, true, true),
            result("en", QuestionKind.OVERVIEW, -1, false, false),  // a false abstention
            result("zh", QuestionKind.OOS, -1, false, true),
            result("en", QuestionKind.OOS, -1, true, false)), 5);

    @Test
    void recallPerLanguageCountsEveryQuestionWithEvidenceTheHeadlineOnlyPointQuestions() {
        // THEN zh recall@3 over all four zh questions with evidence is 2/4, over the point questions 2/3
        assertThat(SUMMARY.recall("zh", 3)).isEqualTo(0.5);
        assertThat(SUMMARY.pointRecall("zh", 3)).isEqualTo(2.0 / 3);
        assertThat(SUMMARY.recall("zh", 5)).isEqualTo(0.75);
        assertThat(SUMMARY.recall("en", 1)).isZero();
        assertThat(SUMMARY.pointRecall("en", 3)).isEqualTo(1.0);
    }

    @Test
    void measuresAreNamedAsTheIssueNamesThemWithTheirQuestionCounts() {
        // WHEN the headline measures are taken
        Map<String, EvalSummary.Measure> measures = SUMMARY.measures().stream()
                .collect(Collectors.toMap(EvalSummary.Measure::name, m -> m));

        // THEN each has its value and the number of questions behind it
        assertThat(measures.get("zh recall@3 (fact, paraphrase, follow-up)")).isEqualTo(
                new EvalSummary.Measure("zh recall@3 (fact, paraphrase, follow-up)", 2.0 / 3, 3));
        assertThat(measures.get("fact answer hit").value()).isEqualTo(0.5);
        assertThat(measures.get("English answer hit").value()).isEqualTo(0.5);
        assertThat(measures.get("list (>= 75% of the items)").value()).isZero();
        assertThat(measures.get("follow-up").value()).isEqualTo(1.0);
        assertThat(measures.get("overview (>= 50% of the key terms)").questions()).isEqualTo(1);
        assertThat(measures.get("out-of-scope abstention").value()).isEqualTo(0.5);
        assertThat(measures.get("false abstention")).isEqualTo(new EvalSummary.Measure("false abstention", 1.0 / 6, 6));
        assertThat(measures.get("answer hit (in scope)").value()).isEqualTo(3.0 / 6);
    }

    @Test
    void firstAndWhereNarrowTheFiguresAndAnEmptySelectionIsNotANumber() {
        // THEN the first two results are the two fact questions; a kind with no question gives NaN
        assertThat(SUMMARY.first(2).hitRate(QuestionKind.FACT)).isEqualTo(0.5);
        assertThat(SUMMARY.first(2).abstention()).isNaN();
        assertThat(SUMMARY.where(q -> q.lang().equals("en")).results()).hasSize(3);
        assertThat(SUMMARY.hitRate(QuestionKind.PARAPHRASE)).isNaN();
        assertThat(SUMMARY.table()).contains("follow-up").contains("(abstained)").doesNotContain("paraphrase ");
    }
}
