package dev.episodebot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.testing.SharedEpisodeCore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hybrid retrieval, evidence and abstention on the bundled episode, measured with the
 * {@link EvalRunner} on eight question sets: {@code eval/dev.jsonl} (its first {@value #DEV_FIRST}
 * questions, d01–d20, x01–x05, n01–n03, are the set the wave-1 figures were measured on),
 * {@code eval/extra.jsonl}, {@code eval/tune.jsonl}, {@code eval/tune2.jsonl}, {@code eval/tune3.jsonl}
 * {@code eval/tune4.jsonl} and {@code eval/tune6.jsonl} (tuned on), and {@code eval/heldout.jsonl}
 * (never tuned on: only measured, so that a change that helps the tuning sets and hurts questions
 * nobody tuned for fails the build too). Each threshold sits a little below the figure measured
 * with the int8 bge-small-zh model and no LLM (README, "Evaluation"), so a regression fails the
 * build without the tests flaking.
 */
class RetrievalQualityTest {

    /** How many of the dev questions the dev thresholds were measured on. */
    static final int DEV_FIRST = 28;

    private static EvalSummary devAll;
    private static EvalSummary dev;
    private static EvalSummary extra;
    private static EvalSummary tune;
    private static EvalSummary tune2;
    private static EvalSummary tune3;
    private static EvalSummary tune4;
    private static EvalSummary tune6;
    private static EvalSummary heldout;

    @BeforeAll
    static void runTheSets() throws Exception {
        EvalRunner runner = new EvalRunner(SharedEpisodeCore.core().answerer());
        devAll = runner.run(EvalResources.questions("dev.jsonl"), 5);
        dev = devAll.first(DEV_FIRST);
        extra = runner.run(EvalResources.questions("extra.jsonl"), 5);
        tune = runner.run(EvalResources.questions("tune.jsonl"), 5);
        tune2 = runner.run(EvalResources.questions("tune2.jsonl"), 5);
        tune3 = runner.run(EvalResources.questions("tune3.jsonl"), 5);
        tune4 = runner.run(EvalResources.questions("tune4.jsonl"), 5);
        tune6 = runner.run(EvalResources.questions("tune6.jsonl"), 5);
        heldout = runner.run(EvalResources.questions("heldout.jsonl"), 5);
        System.out.println("dev (first " + DEV_FIRST + "):\n" + dev.table() + "\ndev (all):\n" + devAll.table()
                + "\nextra:\n" + extra.table() + "\ntune:\n" + tune.table() + "\ntune2:\n" + tune2.table() + "\ntune3:\n" + tune3.table()
                + "\ntune4:\n" + tune4.table() + "\ntune6:\n" + tune6.table() + "\nheld-out:\n" + heldout.table());
    }

    private static long questionLines(String name) throws IOException, URISyntaxException {
        return Files.readAllLines(EvalResources.path(name), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();
    }

    @Test
    void everyQuestionOfBothSetsWasEvaluated() throws Exception {
        // GIVEN the two question files
        // WHEN they were run
        // THEN there is one result per question line, each with at most k retrieved chunks (at least one,
        // except for questions about the whole episode, which the summary answers without retrieval)
        assertThat(devAll.results()).hasSize((int) questionLines("dev.jsonl"));
        assertThat(extra.results()).hasSize((int) questionLines("extra.jsonl"));
        assertThat(devAll.results()).filteredOn(r -> r.question().kind() != QuestionKind.OVERVIEW)
                .allSatisfy(r -> assertThat(r.retrieved()).hasSizeBetween(1, 5));
        assertThat(devAll.results()).allSatisfy(r -> assertThat(r.retrieved()).hasSizeLessThanOrEqualTo(5));
        // AND every follow-up's context was answered first
        assertThat(devAll.results()).filteredOn(r -> r.question().kind() == QuestionKind.FOLLOWUP).isNotEmpty()
                .allSatisfy(r -> assertThat(r.contextAnswers()).hasSameSizeAs(r.question().context())
                        .allSatisfy(a -> assertThat(a).isNotBlank()));
    }

    @Test
    void devChineseRecallAtThreeIsAtLeast085() {
        // GIVEN the dev set run through hybrid retrieval
        // WHEN recall@3 is computed over the Chinese questions
        double recall = dev.recall("zh", 3);

        // THEN the evidence is in the top three for at least 85% of them (measured 0.90)
        assertThat(recall).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void devAnswerHitRateIsAtLeast084() {
        // GIVEN the dev set answered extractively
        // WHEN answers are checked for the expected strings
        // THEN at least 84% of the in-scope answers contain one (measured 0.88)
        assertThat(dev.answerHitRate()).isGreaterThanOrEqualTo(0.84);
    }

    @Test
    void devOutOfScopeQuestionsAreAbstainedOn() {
        // GIVEN the dev set's out-of-scope questions (weather, Mars, a prompt injection)
        // WHEN the bot judges whether the episode covers them
        // THEN it says it does not for at least two thirds of them
        assertThat(dev.abstention()).isGreaterThanOrEqualTo(0.66);
    }

    @Test
    void devInScopeQuestionsAreRarelyAbstainedOn() {
        // GIVEN the dev set's in-scope questions
        // WHEN the bot judges coverage
        // THEN it wrongly abstains on at most 10% of them
        assertThat(dev.falseAbstention()).isLessThanOrEqualTo(0.10);
    }

    @Test
    void extraChineseRecallAtThreeIsAtLeast090() {
        // GIVEN the extra set
        // WHEN recall@3 is computed over the Chinese questions
        // THEN it is at least 0.90
        assertThat(extra.recall("zh", 3)).isGreaterThanOrEqualTo(0.90); // measured 0.96
    }

    @Test
    void extraAnswerHitRateIsAtLeast073() {
        // GIVEN the extra set answered extractively
        // WHEN answers are checked
        // THEN at least 73% of the in-scope answers contain an expected string (measured 0.77)
        assertThat(extra.answerHitRate()).isGreaterThanOrEqualTo(0.73);
    }

    @Test
    void extraOutOfScopeQuestionsAreAbstainedOn() {
        // GIVEN the extra set's six out-of-scope questions
        // WHEN coverage is judged
        // THEN at least two thirds are declined
        assertThat(extra.abstention()).isGreaterThanOrEqualTo(0.66);
    }

    @Test
    void extraInScopeQuestionsAreRarelyAbstainedOn() {
        // GIVEN the extra set's in-scope questions
        // WHEN coverage is judged
        // THEN at most 10% are wrongly declined
        assertThat(extra.falseAbstention()).isLessThanOrEqualTo(0.10);
    }

    @Test
    void englishQuestionsFindTheChineseEvidenceInTheTopFive() {
        // GIVEN the English (cross-lingual) questions of both sets (dev: its first 28), answered without an LLM
        List<EvalResult> english = new java.util.ArrayList<>();
        dev.results().stream().filter(r -> r.question().lang().equals("en") && !r.question().evidence().isEmpty())
                .forEach(english::add);
        extra.results().stream().filter(r -> r.question().lang().equals("en") && !r.question().evidence().isEmpty())
                .forEach(english::add);

        // WHEN recall@5 is computed over them
        double recall = new EvalSummary(english, 5).recall("en", 5);

        // THEN the offline translation finds the evidence for at least 75% (measured 0.91)
        assertThat(english).hasSizeGreaterThanOrEqualTo(10);
        assertThat(recall).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void devSetAsAWholeHoldsItsFigures() {
        // GIVEN all of the dev set (its later questions in the held-out style: lists, follow-ups, near misses)
        // WHEN it is answered without an LLM
        // THEN each headline figure holds a little below what was measured
        assertThat(devAll.answerHitRate()).as("answer hit").isGreaterThanOrEqualTo(0.80); // 0.84
        assertThat(devAll.hitRate(QuestionKind.LIST)).as("list").isGreaterThanOrEqualTo(0.66); // 1.00 (3)
        assertThat(devAll.englishAnswerHit()).as("English answer hit").isGreaterThanOrEqualTo(0.85); // 1.00
        assertThat(devAll.falseAbstention()).as("false abstention").isLessThanOrEqualTo(0.11); // 0.08
        assertThat(devAll.abstention()).as("abstention").isGreaterThanOrEqualTo(0.60); // 0.63 (8)
    }

    @Test
    void tuneSetHoldsItsFigures() {
        // GIVEN the tuning set written in the colloquial style (lists, follow-ups, stray words, near misses)
        // WHEN it is answered without an LLM
        // THEN each headline figure holds a little below what was measured
        assertThat(tune.pointRecall("zh", 3)).as("zh recall@3").isGreaterThanOrEqualTo(0.92); // 0.97
        assertThat(tune.hitRate(QuestionKind.FACT)).as("fact answer hit").isGreaterThanOrEqualTo(0.88); // 0.95
        assertThat(tune.englishAnswerHit()).as("English answer hit").isGreaterThanOrEqualTo(0.73); // 0.80
        assertThat(tune.hitRate(QuestionKind.LIST)).as("list").isGreaterThanOrEqualTo(0.66); // 0.71
        assertThat(tune.hitRate(QuestionKind.FOLLOWUP)).as("follow-up").isGreaterThanOrEqualTo(0.75); // 0.88
        assertThat(tune.abstention()).as("abstention").isGreaterThanOrEqualTo(0.64); // 0.71
        assertThat(tune.falseAbstention()).as("false abstention").isLessThanOrEqualTo(0.07); // 0.03
    }

    @Test
    void secondTuneSetHoldsItsFigures() {
        // GIVEN the second tuning set (near-miss questions about what the episode names but never states,
        // questions with stray words, colloquial paraphrases)
        // WHEN it is answered without an LLM
        // THEN each headline figure holds a little below what was measured
        assertThat(tune2.pointRecall("zh", 3)).as("zh recall@3").isGreaterThanOrEqualTo(0.84); // 0.88
        assertThat(tune2.hitRate(QuestionKind.FACT)).as("fact answer hit").isGreaterThanOrEqualTo(0.77); // 0.81
        assertThat(tune2.englishAnswerHit()).as("English answer hit").isGreaterThanOrEqualTo(0.53); // 0.60
        assertThat(tune2.hitRate(QuestionKind.LIST)).as("list").isGreaterThanOrEqualTo(0.83); // 1.00 (6)
        assertThat(tune2.abstention()).as("abstention").isGreaterThanOrEqualTo(0.57); // 0.62
        assertThat(tune2.falseAbstention()).as("false abstention").isLessThanOrEqualTo(0.07); // 0.04
    }

    @Test
    void thirdTuneSetHoldsItsFigures() {
        // GIVEN the third tuning set (possessive questions in and out of scope: Reka 的 CEO, 月之暗面的 CEO;
        // English questions whose asked word the dictionary may not translate)
        // WHEN it is answered without an LLM
        // THEN each headline figure holds a little below what was measured
        assertThat(tune3.pointRecall("zh", 3)).as("zh recall@3").isGreaterThanOrEqualTo(0.92); // 1.00
        assertThat(tune3.hitRate(QuestionKind.FACT)).as("fact answer hit").isGreaterThanOrEqualTo(0.91); // 1.00 (12)
        assertThat(tune3.abstention()).as("abstention").isGreaterThanOrEqualTo(0.50); // 0.56 (16)
        assertThat(tune3.falseAbstention()).as("false abstention").isLessThanOrEqualTo(0.10); // 0.05 (20)
    }

    @Test
    void fourthTuneSetHoldsItsFigures() {
        // GIVEN the fourth tuning set (colloquial English questions over the Chinese episode, English
        // list questions, paraphrases, Chinese questions with English words in them)
        // WHEN it is answered without an LLM
        // THEN each headline figure holds a little below what was measured
        assertThat(tune4.pointRecall("en", 3)).as("en recall@3").isGreaterThanOrEqualTo(0.70); // 0.76 (34)
        assertThat(tune4.englishAnswerHit()).as("English answer hit").isGreaterThanOrEqualTo(0.55); // 0.61 (44)
        assertThat(tune4.hitRate(QuestionKind.LIST)).as("list").isGreaterThanOrEqualTo(0.46); // 0.54 (13)
        assertThat(tune4.answerHitRate()).as("answer hit").isGreaterThanOrEqualTo(0.53); // 0.59 (54)
        assertThat(tune4.falseAbstention()).as("false abstention").isLessThanOrEqualTo(0.20); // 0.15 (54)
    }

    @Test
    void sixthTuneSetHoldsItsFigures() {
        // GIVEN the sixth tuning set (English questions over the Chinese episode worded with other words
        // than the transcript's: funding, doctorate, collaborate, outperform; eight out of scope)
        // WHEN it is answered without an LLM
        // THEN each headline figure holds a little below what was measured
        assertThat(tune6.results()).hasSize(46);
        assertThat(tune6.pointRecall("en", 3)).as("en recall@3").isGreaterThanOrEqualTo(0.68); // 0.74 (34)
        assertThat(tune6.englishAnswerHit()).as("English answer hit").isGreaterThanOrEqualTo(0.57); // 0.63 (38)
        assertThat(tune6.falseAbstention()).as("false abstention").isLessThanOrEqualTo(0.11); // 0.05 (38)
    }

    @Test
    void heldOutSetHoldsItsFigures() {
        // GIVEN the held-out set, never tuned on
        // WHEN it is answered without an LLM
        // THEN each headline figure holds a little below what was measured (so a change that fits the
        // tuning sets at the expense of unseen questions fails here)
        assertThat(heldout.pointRecall("zh", 3)).as("zh recall@3").isGreaterThanOrEqualTo(0.78); // 0.82
        assertThat(heldout.hitRate(QuestionKind.FACT)).as("fact answer hit").isGreaterThanOrEqualTo(0.65); // 0.70
        assertThat(heldout.englishAnswerHit()).as("English answer hit").isGreaterThanOrEqualTo(0.50); // 0.56
        assertThat(heldout.hitRate(QuestionKind.LIST)).as("list").isGreaterThanOrEqualTo(0.43); // 0.50
        assertThat(heldout.hitRate(QuestionKind.FOLLOWUP)).as("follow-up").isGreaterThanOrEqualTo(0.65); // 0.73
        assertThat(heldout.answerHitRate()).as("answer hit").isGreaterThanOrEqualTo(0.55); // 0.60
        assertThat(heldout.abstention()).as("abstention").isGreaterThanOrEqualTo(0.66); // 0.71
        assertThat(heldout.falseAbstention()).as("false abstention").isLessThanOrEqualTo(0.17); // 0.13
    }
}
