package dev.episodebot.bench;

/**
 * One row of the bench table.
 *
 * @param key stable identifier (JSON)
 * @param label what is measured, with its unit
 * @param ours our pipeline's figure (NaN when not applicable)
 * @param naive the naive pipeline's figure (NaN when not applicable)
 * @param ratio ours ÷ naive (NaN when either is missing)
 * @param higherIsBetter whether a larger figure is better
 * @param naiveEstimated whether the naive figure is estimated from its measured embedding rate
 * @param note how the figures were obtained, when not obvious
 */
public record BenchRow(String key, String label, double ours, double naive, double ratio, boolean higherIsBetter,
        boolean naiveEstimated, String note) {

    public static BenchRow of(String key, String label, double ours, double naive, boolean higherIsBetter,
            boolean naiveEstimated, String note) {
        double ratio = Double.isFinite(ours) && Double.isFinite(naive) && naive != 0 ? ours / naive : Double.NaN;
        return new BenchRow(key, label, ours, naive, ratio, higherIsBetter, naiveEstimated, note);
    }
}
