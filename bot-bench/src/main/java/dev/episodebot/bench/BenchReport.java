package dev.episodebot.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench's result: settings and one {@link BenchRow} per measurement, as a table or as JSON.
 *
 * @param settings what was run (episodes, chunks, models, machine, heap limit, folders...)
 * @param rows the figures
 * @param targets each issue target and whether it holds
 */
public record BenchReport(Map<String, Object> settings, List<BenchRow> rows, List<Target> targets) {

    /** The keys of the rows every report has. */
    public static final List<String> ROW_KEYS = List.of("cold_build_chunks_per_s", "model_alone_chunks_per_s",
            "cold_build_share_of_model_limit", "warm_start_s", "refresh_one_file_s", "refresh_one_file_chunks_embedded",
            "latency_1_thread_p50_ms", "latency_1_thread_p99_ms", "latency_2_threads_p50_ms", "latency_2_threads_p99_ms",
            "throughput_1_thread_qps", "throughput_2_threads_qps", "scaling_2_threads_over_1", "index_heap_mb",
            "dense_recall_at_10", "process_peak_rss_mb");

    /**
     * A target of the issue.
     *
     * @param name the target as stated
     * @param value the measured figure
     * @param holds whether the figure meets it
     */
    public record Target(String name, double value, boolean holds) {}

    public BenchReport {
        settings = Map.copyOf(settings);
        rows = List.copyOf(rows);
        targets = List.copyOf(targets);
    }

    /** The report as a plain-text (Markdown) table. */
    public String table() {
        StringBuilder out = new StringBuilder();
        if (settings.containsKey("episodes")) {
            out.append(settings.get("episodes")).append(" episodes");
            if (settings.containsKey("chunks")) {
                out.append(", ").append(settings.get("chunks")).append(" chunks (naive: ")
                        .append(settings.get("naive_segments")).append(" segments)");
            }
            if (settings.containsKey("cores")) {
                out.append("; ").append(settings.get("cores")).append(" cores, max heap ")
                        .append(settings.get("max_heap_mb")).append(" MB");
            }
            if (settings.containsKey("load_average_at_start")) {
                out.append("; machine load average ").append(settings.get("load_average_at_start")).append(" at start, ")
                        .append(settings.get("load_average_at_end")).append(" at end");
            }
            out.append("\n\n");
        }
        out.append("| Measure | Ours | Naive langchain4j | Ours ÷ naive |\n");
        out.append("|---|---:|---:|---:|\n");
        for (BenchRow row : rows) {
            out.append("| ").append(row.label()).append(" | ").append(format(row.ours())).append(" | ")
                    .append(format(row.naive())).append(row.naiveEstimated() ? " (est.)" : "").append(" | ")
                    .append(formatRatio(row.ratio())).append(" |\n");
        }
        out.append('\n');
        boolean estimated = rows.stream().anyMatch(BenchRow::naiveEstimated);
        if (estimated) {
            out.append("(est.) = estimated from the naive pipeline's measured embedding rate (see notes).\n");
        }
        for (BenchRow row : rows) {
            if (row.note() != null && !row.note().isBlank()) {
                out.append("- ").append(row.label()).append(": ").append(row.note()).append('\n');
            }
        }
        if (!targets.isEmpty()) {
            out.append("\nTargets:\n");
            for (Target target : targets) {
                out.append("- ").append(target.holds() ? "[x] " : "[ ] ").append(target.name()).append(": ")
                        .append(format(target.value())).append('\n');
            }
        }
        return out.toString();
    }

    /** The report as JSON: settings, rows (ours, naive, ratio, notes) and targets. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.set("settings", mapper.valueToTree(settings));
        ArrayNode array = root.putArray("rows");
        for (BenchRow row : rows) {
            ObjectNode node = array.addObject();
            node.put("key", row.key());
            node.put("label", row.label());
            putNumber(node, "ours", row.ours());
            putNumber(node, "naive", row.naive());
            putNumber(node, "ratio", row.ratio());
            node.put("higher_is_better", row.higherIsBetter());
            node.put("naive_estimated", row.naiveEstimated());
            if (row.note() != null) {
                node.put("note", row.note());
            }
        }
        ArrayNode targetArray = root.putArray("targets");
        for (Target target : targets) {
            ObjectNode node = targetArray.addObject();
            node.put("name", target.name());
            putNumber(node, "value", target.value());
            node.put("holds", target.holds());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, Math.round(value * 1000) / 1000.0);
        } else {
            node.putNull(field);
        }
    }

    static String format(double value) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String formatRatio(double ratio) {
        if (!Double.isFinite(ratio)) {
            return "—";
        }
        return (ratio >= 10 ? String.format(Locale.ROOT, "%.0f", ratio)
                : ratio >= 0.1 ? String.format(Locale.ROOT, "%.2f", ratio)
                : String.format(Locale.ROOT, "%.4f", ratio)) + "×";
    }
}
