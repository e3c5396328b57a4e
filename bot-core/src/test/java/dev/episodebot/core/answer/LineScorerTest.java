package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A line's score: each feature moves it the way it should, against the same plain line. */
class LineScorerTest {

    private static final int NONE = Integer.MAX_VALUE;
    private static final LineScorer.Features PLAIN = new LineScorer.Features(0.5, 0.2, 0.4, 3, false, NONE, false, false);

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("a closer line", new LineScorer.Features(0.6, 0.2, 0.4, 3, false, NONE, false, false), true),
                Arguments.of("more of the question's terms", new LineScorer.Features(0.5, 0.5, 0.4, 3, false, NONE, false, false), true),
                Arguments.of("a better window", new LineScorer.Features(0.5, 0.2, 0.8, 3, false, NONE, false, false), true),
                Arguments.of("a better-ranked passage", new LineScorer.Features(0.5, 0.2, 0.4, 0, false, NONE, false, false), true),
                Arguments.of("the answer type held", new LineScorer.Features(0.5, 0.2, 0.4, 3, true, NONE, false, false), true),
                Arguments.of("next to the previous answer", new LineScorer.Features(0.5, 0.2, 0.4, 3, false, 1, false, false), true),
                Arguments.of("an opening line for an episode question", new LineScorer.Features(0.5, 0.2, 0.4, 3, false, NONE, true, false), true),
                Arguments.of("the very line just given", new LineScorer.Features(0.5, 0.2, 0.4, 3, false, 0, false, false), false),
                Arguments.of("far from the previous answer", new LineScorer.Features(0.5, 0.2, 0.4, 3, false, 9, false, false), false),
                Arguments.of("a farther line", new LineScorer.Features(0.4, 0.2, 0.4, 3, false, NONE, false, false), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void eachFeatureMovesTheScore(String name, LineScorer.Features changed, boolean higher) {
        // GIVEN a plain line and the same line with one feature changed
        // WHEN both are scored
        double plain = LineScorer.score(PLAIN);
        double other = LineScorer.score(changed);

        // THEN the change raises the score, or does not
        if (higher) {
            assertThat(other).isGreaterThan(plain);
        } else {
            assertThat(other).isLessThanOrEqualTo(plain);
        }
    }

    @Test
    void termsCountMoreForAQuestionInAnotherLanguage() {
        // GIVEN the same lexical evidence for a question in the knowledge's language and in another
        LineScorer.Features same = new LineScorer.Features(0.5, 0.6, 0.6, 3, false, NONE, false, false);
        LineScorer.Features cross = new LineScorer.Features(0.5, 0.6, 0.6, 3, false, NONE, false, true);

        // THEN the words shared with the translation count more than the cross-language cosine
        assertThat(LineScorer.score(cross)).isGreaterThan(LineScorer.score(same));
    }
}
