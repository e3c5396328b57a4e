package dev.episodebot.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies of one measured run.
 *
 * @param count questions answered
 * @param threads threads asking at once
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency (nearest rank)
 * @param throughput questions per second over the whole run (wall clock)
 */
public record LatencyStats(int count, int threads, double p50Millis, double p99Millis, double throughput) {

    /** Stats from per-question latencies in nanoseconds and the run's wall time. */
    public static LatencyStats of(List<Long> latenciesNanos, int threads, long wallNanos) {
        long[] sorted = latenciesNanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, threads, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6,
                wallNanos <= 0 ? 0 : sorted.length / (wallNanos / 1e9));
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least p% of values at or below it. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        if (p <= 0) {
            return sorted[0];
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
