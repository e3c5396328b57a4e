package dev.episodebot.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The aggregate figures of an evaluation run. */
public record EvalSummary(List<EvalResult> results, int k) {

    /** Recall at {@code n} over questions of {@code lang} that have evidence (null: all languages); NaN when none. */
    public double recall(String lang, int n) {
        int total = 0;
        int hits = 0;
        for (EvalResult r : results) {
            if (r.question().evidence().isEmpty() || (lang != null && !lang.equals(r.question().lang()))) {
                continue;
            }
            total++;
            if (r.hitRank() >= 0 && r.hitRank() < n) {
                hits++;
            }
        }
        return total == 0 ? Double.NaN : (double) hits / total;
    }

    /** Share of in-scope questions whose answer contains an expected answer. */
    public double answerHitRate() {
        return share(r -> !r.question().outOfScope(), EvalResult::answerHit);
    }

    /** Share of out-of-scope questions answered with grounded=false. */
    public double abstention() {
        return share(r -> r.question().outOfScope(), r -> !r.grounded());
    }

    /** Share of in-scope questions answered with grounded=false. */
    public double falseAbstention() {
        return share(r -> !r.question().outOfScope(), r -> !r.grounded());
    }

    private double share(java.util.function.Predicate<EvalResult> of, java.util.function.Predicate<EvalResult> hit) {
        int total = 0;
        int hits = 0;
        for (EvalResult r : results) {
            if (of.test(r)) {
                total++;
                if (hit.test(r)) {
                    hits++;
                }
            }
        }
        return total == 0 ? Double.NaN : (double) hits / total;
    }

    public List<String> languages() {
        TreeSet<String> langs = new TreeSet<>();
        results.forEach(r -> langs.add(r.question().lang()));
        return new ArrayList<>(langs);
    }

    /** A printable table. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-6s %9s %9s %9s %9s%n", "lang", "questions", "recall@1", "recall@3",
                "recall@5"));
        for (String lang : languages()) {
            long n = results.stream().filter(r -> r.question().lang().equals(lang) && !r.question().evidence().isEmpty())
                    .count();
            sb.append(String.format(Locale.ROOT, "%-6s %9d %9s %9s %9s%n", lang, n, fmt(recall(lang, 1)),
                    fmt(recall(lang, 3)), fmt(recall(lang, 5))));
        }
        long all = results.stream().filter(r -> !r.question().evidence().isEmpty()).count();
        sb.append(String.format(Locale.ROOT, "%-6s %9d %9s %9s %9s%n", "all", all, fmt(recall(null, 1)),
                fmt(recall(null, 3)), fmt(recall(null, 5))));
        sb.append(String.format(Locale.ROOT, "answer hit rate (in scope):   %s%n", fmt(answerHitRate())));
        sb.append(String.format(Locale.ROOT, "abstention (out of scope):    %s%n", fmt(abstention())));
        sb.append(String.format(Locale.ROOT, "false abstention (in scope):  %s%n", fmt(falseAbstention())));
        return sb.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
