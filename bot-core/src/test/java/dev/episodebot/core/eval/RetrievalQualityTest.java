package dev.episodebot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.testing.SharedEpisodeCore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hybrid retrieval, evidence and abstention on the bundled episode, measured with the
 * {@link EvalRunner} on the development set ({@code eval/dev.jsonl}) and the extra set
 * ({@code eval/extra.jsonl}). The dev thresholds hold for its first {@value #DEV_FIRST} questions
 * (d01–d20, x01–x05, n01–n03), the set they were measured on; d21–d38 came later in the style of
 * the held-out questions. The thresholds sit a little below the measured values (dev: zh
 * recall@3 0.90, answer hit 0.80, abstention 1.0, false abstention 0.04; extra: zh recall@3 0.92,
 * answer hit 0.80, abstention 0.83, false abstention 0.03) so that a regression fails the build
 * without the tests flaking. Nothing here asserts figures of {@code eval/heldout.jsonl}: that set
 * is never tuned on.
 */
class RetrievalQualityTest {

    /** How many of the dev questions the dev thresholds were measured on. */
    static final int DEV_FIRST = 28;

    private static EvalSummary devAll;
    private static EvalSummary dev;
    private static EvalSummary extra;

    @BeforeAll
    static void runBothSets() throws Exception {
        EvalRunner runner = new EvalRunner(SharedEpisodeCore.core().answerer());
        devAll = runner.run(QuestionFile.read(resource("dev.jsonl")), 5);
        dev = devAll.first(DEV_FIRST);
        extra = runner.run(QuestionFile.read(resource("extra.jsonl")), 5);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RetrievalQualityTest.class.getResource("/eval/" + name).toURI());
    }

    private static long questionLines(String name) throws IOException, URISyntaxException {
        return Files.readAllLines(resource(name), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();
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

        // THEN the evidence is in the top three for at least 85% of them
        assertThat(recall).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void devAnswerHitRateIsAtLeast075() {
        // GIVEN the dev set answered extractively
        // WHEN answers are checked for the expected strings
        // THEN at least 75% of the in-scope answers contain one
        assertThat(dev.answerHitRate()).isGreaterThanOrEqualTo(0.75);
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
    void extraChineseRecallAtThreeIsAtLeast085() {
        // GIVEN the extra set
        // WHEN recall@3 is computed over the Chinese questions
        // THEN it is at least 0.85
        assertThat(extra.recall("zh", 3)).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void extraAnswerHitRateIsAtLeast075() {
        // GIVEN the extra set answered extractively
        // WHEN answers are checked
        // THEN at least 75% of the in-scope answers contain an expected string
        assertThat(extra.answerHitRate()).isGreaterThanOrEqualTo(0.75);
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
}
