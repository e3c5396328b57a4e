package dev.episodebot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static BenchReport report() {
        BenchRunner.Cold cold = new BenchRunner.Cold(25_000, 1000, 25, 26, 27, "2025-01-01T00:00:00Z", false, 0);
        BenchRunner.Figures figures = new BenchRunner.Figures(1000, 25_000, cold, false, 2.5, 1.2, 26, 26,
                new LatencyStats(200, 1, 30, 60, 30), new LatencyStats(200, 2, 35, 80, 40), 40, 0.99, 900,
                20, 600, 30_000, 256, 30, 31, 4.0, new LatencyStats(200, 1, 60, 90, 16), new LatencyStats(200, 2, 70, 120, 28),
                150);
        return BenchRunner.report(figures, Map.of("episodes", 1000), 256);
    }

    @Test
    void jsonHasEveryRowWithOursNaiveAndRatio() throws Exception {
        JsonNode root = new ObjectMapper().readTree(report().json());
        Set<String> keys = new HashSet<>();
        for (JsonNode row : root.get("rows")) {
            keys.add(row.get("key").asText());
            assertThat(row.get("ours").isNumber()).as(row.toString()).isTrue();
            if (row.get("key").asText().equals("process_peak_rss_mb")) {
                // the naive pipeline is not run as a process of its own: no figure, no ratio
                assertThat(row.get("naive").isNull()).as(row.toString()).isTrue();
                assertThat(row.get("ratio").isNull()).as(row.toString()).isTrue();
                continue;
            }
            assertThat(row.get("naive").isNumber()).as(row.toString()).isTrue();
            assertThat(row.get("ratio").isNumber()).as(row.toString()).isTrue();
            assertThat(row.get("ratio").asDouble())
                    .isCloseTo(row.get("ours").asDouble() / row.get("naive").asDouble(), org.assertj.core.api.Assertions.within(0.01));
        }
        assertThat(keys).containsExactlyInAnyOrderElementsOf(BenchReport.ROW_KEYS);
        assertThat(root.get("targets")).hasSize(8);
        assertThat(root.get("settings").get("episodes").asInt()).isEqualTo(1000);
    }

    @Test
    void estimatedNaiveFiguresAreLabelled() throws Exception {
        BenchReport report = report();
        JsonNode root = new ObjectMapper().readTree(report.json());
        List<String> estimated = new java.util.ArrayList<>();
        for (JsonNode row : root.get("rows")) {
            if (row.get("naive_estimated").asBoolean()) {
                estimated.add(row.get("key").asText());
            }
        }
        assertThat(estimated).containsExactlyInAnyOrder("warm_start_s", "refresh_one_file_s", "refresh_one_file_chunks_embedded");
        String table = report.table();
        assertThat(table).contains("(est.)").contains("estimated from the naive pipeline's measured embedding rate");
        for (BenchRow row : report.rows()) {
            assertThat(table).contains(row.label());
        }
    }

    @Test
    void targetsAreJudged() {
        BenchReport report = report();
        assertThat(report.targets()).filteredOn(t -> t.name().startsWith("warm start")).singleElement()
                .matches(BenchReport.Target::holds);
        assertThat(report.targets()).filteredOn(t -> t.name().startsWith("2 threads")).singleElement()
                .matches(t -> !t.holds());
    }
}
