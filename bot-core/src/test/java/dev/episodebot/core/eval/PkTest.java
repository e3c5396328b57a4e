package dev.episodebot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Pk} on small hand-worked cases and on the bundled episode's reference segmentation. */
class PkTest {

    private static Segmentation reference;

    @BeforeAll
    static void readReference() throws Exception {
        reference = Segmentation.read(EvalResources.path("segments-yi-tay.json"));
    }

    @Test
    void identicalSegmentationsScoreZero() {
        // GIVEN the reference and a copy of it, and a small split
        Segmentation copy = new Segmentation(List.copyOf(reference.sections()));
        Segmentation small = Segmentation.startingAt(10, List.of(1, 4, 8));

        // WHEN each is scored against itself
        // THEN Pk is 0 at the default k and at any other
        assertThat(Pk.score(reference, copy)).isZero();
        assertThat(Pk.score(small, small, 1)).isZero();
        assertThat(Pk.score(small, small, 5)).isZero();
    }

    @Test
    void aBoundaryOneLineEarlyIsCountedByHand() {
        // GIVEN 10 lines, the reference split before line 6, the hypothesis before line 5
        Segmentation ref = Segmentation.startingAt(10, List.of(1, 6));
        Segmentation hyp = Segmentation.startingAt(10, List.of(1, 5));

        // WHEN scored with k = round(10 / (2 × 2)) = 3
        int k = Pk.defaultK(ref);
        double pk = Pk.score(ref, hyp);

        // THEN of the 7 pairs (i, i+3) two disagree: (2,5) and (5,8)
        assertThat(k).isEqualTo(3);
        assertThat(pk).isCloseTo(2.0 / 7, within(1e-9));
    }

    @Test
    void missingEveryBoundaryAndInventingOneEveryLineBothScoreBadly() {
        // GIVEN the reference against one section, and against one section per line
        double none = Pk.score(reference, Segmentation.evenlySpaced(reference.lines(), 1));
        double all = Pk.score(reference, Segmentation.evenlySpaced(reference.lines(), reference.lines()));

        // THEN both are far from 0 (and sum to 1: every pair is either "same" or "different" in the reference)
        assertThat(none).isGreaterThan(0.4);
        assertThat(all).isGreaterThan(0.4);
        assertThat(none + all).isCloseTo(1.0, within(1e-9));
    }

    @ParameterizedTest(name = "{0} evenly spaced sections")
    @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15})
    void evenlySpacedSectionsScoreNearOneHalfAgainstTheReference(int count) {
        // GIVEN 8–15 evenly spaced sections over the bundled episode (measured: 0.43–0.60, 0.52 at 13)
        Segmentation even = Segmentation.evenlySpaced(reference.lines(), count);

        // WHEN scored against the person-made reference
        double pk = Pk.score(reference, even);

        // THEN they score far above the 0.30 an outline must reach
        assertThat(pk).isBetween(0.40, 0.65);
    }

    @Test
    void segmentationsOfDifferentLengthsOrABadKAreRefused() {
        // GIVEN two segmentations of 10 and 12 lines
        Segmentation ten = Segmentation.evenlySpaced(10, 2);
        Segmentation twelve = Segmentation.evenlySpaced(12, 2);

        // THEN comparing them, or using k outside 1..lines-1, fails with the reason
        assertThatThrownBy(() -> Pk.score(ten, twelve)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10").hasMessageContaining("12");
        assertThatThrownBy(() -> Pk.score(ten, ten, 0)).hasMessageContaining("k must be");
        assertThatThrownBy(() -> Pk.score(ten, ten, 10)).hasMessageContaining("k must be");
    }
}
