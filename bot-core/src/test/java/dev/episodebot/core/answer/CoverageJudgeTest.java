package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The covered / not covered judgement, one row per kind of evidence (default thresholds). */
class CoverageJudgeTest {

    private final CoverageJudge judge = new CoverageJudge(EvidenceFinder.Thresholds.defaults());

    static Stream<Arguments> evidence() {
        return Stream.of(
                // name, cross, cosine, coverage, unknownName, typeHeld, vocabulary, opening, covered
                Arguments.of("a close line", false, 0.60, 0.10, false, true, 1.0, false, true),
                Arguments.of("a fairly close line whose window holds the terms", false, 0.45, 0.40, false, true, 1.0, false, true),
                Arguments.of("a fairly close line without the terms", false, 0.45, 0.10, false, true, 1.0, false, false),
                Arguments.of("a window holding most terms", false, 0.30, 0.70, false, true, 1.0, false, true),
                Arguments.of("nothing close", false, 0.35, 0.20, false, true, 1.0, false, false),
                Arguments.of("a name the knowledge never uses, a close line", false, 0.60, 0.30, true, true, 1.0, false, false),
                Arguments.of("a name the knowledge never uses, a window with most", false, 0.60, 0.70, true, true, 1.0, false, true),
                Arguments.of("a number asked, none in the lines", false, 0.80, 1.00, false, false, 1.0, false, false),
                Arguments.of("the host asked, an opening line answers", false, 0.30, 0.00, false, true, 1.0, true, true),
                Arguments.of("the host's age asked, no number at the opening", false, 0.30, 0.00, false, false, 1.0, true, false),
                Arguments.of("English, words known, a close line", true, 0.50, 0.00, false, true, 0.8, false, true),
                Arguments.of("English, words known, nothing close", true, 0.30, 1.00, false, true, 0.8, false, false),
                Arguments.of("English, a third known, the window holds half", true, 0.50, 0.60, false, true, 0.4, false, true),
                Arguments.of("English, a third known, the window holds little", true, 0.50, 0.30, false, true, 0.4, false, false),
                Arguments.of("English, a third known, naming something never mentioned", true, 0.50, 0.60, true, true, 0.4, false, false),
                Arguments.of("English, few words known", true, 0.60, 1.00, false, true, 0.2, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evidence")
    void judgesTheEvidence(String name, boolean cross, double cosine, double coverage, boolean unknownName,
            boolean typeHeld, double vocabulary, boolean opening, boolean covered) {
        // GIVEN what the evidence holds
        CoverageJudge.Features f = new CoverageJudge.Features(cross, cosine, coverage, 0, 0, unknownName, typeHeld,
                vocabulary, opening, false);

        // WHEN it is judged THEN the question is covered or not
        assertThat(judge.covered(f)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "cross-language {0}, cosine {1}, unstated attribute {2} -> {3}")
    @org.junit.jupiter.params.provider.CsvSource({"false, 0.55, false, true", "false, 0.55, true, false",
            "false, 0.65, true, true", "true, 0.55, false, true", "true, 0.55, true, false", "true, 0.65, true, true"})
    void anUnstatedAttributeNeedsACloserLine(boolean cross, double cosine, boolean unstated, boolean covered) {
        // GIVEN a close line whose window holds the question's terms, the question asking (or not) about
        // something the knowledge has no word for (in Chinese: 市值, or 的 CEO of a thing no CEO is said of;
        // in English: a slot word the dictionary cannot translate, valuation)
        CoverageJudge.Features f = new CoverageJudge.Features(cross, cosine, 0.70, 0, 0, false, true, 0.75, false,
                unstated);

        // WHEN it is judged THEN only a line closer than usual answers it
        assertThat(judge.covered(f)).isEqualTo(covered);
    }
}
