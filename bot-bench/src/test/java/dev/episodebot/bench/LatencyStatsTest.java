package dev.episodebot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void nearestRankPercentiles() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(LatencyStats.percentile(hundred, 50)).isEqualTo(50);
        assertThat(LatencyStats.percentile(hundred, 99)).isEqualTo(99);
        assertThat(LatencyStats.percentile(hundred, 100)).isEqualTo(100);
        assertThat(LatencyStats.percentile(hundred, 0)).isEqualTo(1);
        assertThat(LatencyStats.percentile(new long[] {5, 7}, 50)).isEqualTo(5);
        assertThat(LatencyStats.percentile(new long[] {5, 7}, 99)).isEqualTo(7);
        assertThat(LatencyStats.percentile(new long[] {42}, 99)).isEqualTo(42);
        assertThat(LatencyStats.percentile(new long[0], 50)).isZero();
    }

    @Test
    void statsFromUnsortedNanosAndWallTime() {
        List<Long> nanos = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            nanos.add(i * 1_000_000L);
        }
        Collections.shuffle(nanos);
        LatencyStats stats = LatencyStats.of(nanos, 2, 4_000_000_000L);
        assertThat(stats.count()).isEqualTo(200);
        assertThat(stats.threads()).isEqualTo(2);
        assertThat(stats.p50Millis()).isCloseTo(100, within(1e-9));
        assertThat(stats.p99Millis()).isCloseTo(198, within(1e-9));
        assertThat(stats.throughput()).isCloseTo(50, within(1e-9));
    }
}
