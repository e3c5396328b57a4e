package dev.episodebot.core.eval;

/**
 * The Pk segmentation error of Beeferman, Berger and Lafferty (1999, "Statistical Models for Text
 * Segmentation"): slide a window of {@code k} lines over the text and count how often the reference
 * and the hypothesis disagree on whether the window's two ends lie in the same section. 0 means the
 * same boundaries; lower is better. {@code k} is by convention half the mean section length of
 * the reference.
 */
public final class Pk {

    private Pk() {}

    /** Half the reference's mean section length, rounded, at least 1. */
    public static int defaultK(Segmentation reference) {
        return Math.max(1, (int) Math.round(reference.lines() / (2.0 * reference.sections().size())));
    }

    /** Pk with {@link #defaultK(Segmentation)}. */
    public static double score(Segmentation reference, Segmentation hypothesis) {
        return score(reference, hypothesis, defaultK(reference));
    }

    /**
     * The share of the {@code lines - k} line pairs {@code (i, i + k)} on which the two segmentations
     * disagree about "same section".
     */
    public static double score(Segmentation reference, Segmentation hypothesis, int k) {
        if (reference.lines() != hypothesis.lines()) {
            throw new IllegalArgumentException("the reference covers " + reference.lines() + " lines, the hypothesis "
                    + hypothesis.lines());
        }
        int lines = reference.lines();
        if (k < 1 || k >= lines) {
            throw new IllegalArgumentException("k must be between 1 and " + (lines - 1) + ", not " + k);
        }
        int[] ref = reference.sectionOfLine();
        int[] hyp = hypothesis.sectionOfLine();
        int disagreements = 0;
        for (int i = 0; i + k < lines; i++) {
            if ((ref[i] == ref[i + k]) != (hyp[i] == hyp[i + k])) {
                disagreements++;
            }
        }
        return (double) disagreements / (lines - k);
    }
}
