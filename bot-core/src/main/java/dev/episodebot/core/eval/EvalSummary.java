package dev.episodebot.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The aggregate figures of an evaluation run. */
public record EvalSummary(List<EvalResult> results, int k) {

    /**
     * One headline figure.
     *
     * @param name its name, as the quality issue names it
     * @param value the share (NaN when no question counts towards it)
     * @param questions how many questions count towards it
     */
    public record Measure(String name, double value, int questions) {}

    public EvalSummary {
        results = List.copyOf(results);
    }

    /** The figures of the first {@code n} questions only (for a set that grew: compare like with like). */
    public EvalSummary first(int n) {
        return new EvalSummary(results.subList(0, Math.min(n, results.size())), k);
    }

    /** The figures of the questions that match {@code filter}. */
    public EvalSummary where(Predicate<EvalQuestion> filter) {
        return new EvalSummary(results.stream().filter(r -> filter.test(r.question())).toList(), k);
    }

    /** Recall at {@code n} over questions of {@code lang} that have evidence (null: all languages); NaN when none. */
    public double recall(String lang, int n) {
        return share(r -> hasEvidence(r) && (lang == null || lang.equals(r.question().lang())),
                r -> r.hitRank() >= 0 && r.hitRank() < n);
    }

    /** Recall at {@code n} over the point questions ({@link QuestionKind#pointQuestion()}) of {@code lang}. */
    public double pointRecall(String lang, int n) {
        return where(q -> q.kind().pointQuestion()).recall(lang, n);
    }

    /** Share of in-scope questions whose answer is a hit. */
    public double answerHitRate() {
        return share(r -> !r.question().outOfScope(), EvalResult::hit);
    }

    /** Share of questions of {@code kind} that hit (for {@link QuestionKind#OOS}: the abstention). */
    public double hitRate(QuestionKind kind) {
        return share(r -> r.question().kind() == kind, EvalResult::hit);
    }

    /** Share of in-scope English questions whose answer is a hit. */
    public double englishAnswerHit() {
        return share(r -> !r.question().outOfScope() && "en".equals(r.question().lang()), EvalResult::hit);
    }

    /** Share of out-of-scope questions answered with grounded=false. */
    public double abstention() {
        return share(r -> r.question().outOfScope(), r -> !r.grounded());
    }

    /** Share of in-scope questions answered with grounded=false. */
    public double falseAbstention() {
        return share(r -> !r.question().outOfScope(), r -> !r.grounded());
    }

    /** The headline figures, named as the answer-quality issue names them. */
    public List<Measure> measures() {
        EvalSummary points = where(q -> q.kind().pointQuestion());
        EvalSummary inScope = where(q -> !q.outOfScope());
        return List.of(
                new Measure("zh recall@3 (fact, paraphrase, follow-up)", pointRecall("zh", 3),
                        points.where(q -> "zh".equals(q.lang())).withEvidence()),
                new Measure("en recall@3", pointRecall("en", 3), points.where(q -> "en".equals(q.lang())).withEvidence()),
                new Measure("answer hit (in scope)", answerHitRate(), inScope.results.size()),
                new Measure("fact answer hit", hitRate(QuestionKind.FACT), count(QuestionKind.FACT)),
                new Measure("English answer hit", englishAnswerHit(), inScope.where(q -> "en".equals(q.lang())).results.size()),
                new Measure("list (>= 75% of the items)", hitRate(QuestionKind.LIST), count(QuestionKind.LIST)),
                new Measure("follow-up", hitRate(QuestionKind.FOLLOWUP), count(QuestionKind.FOLLOWUP)),
                new Measure("overview (>= 50% of the key terms)", hitRate(QuestionKind.OVERVIEW), count(QuestionKind.OVERVIEW)),
                new Measure("out-of-scope abstention", abstention(), count(QuestionKind.OOS)),
                new Measure("false abstention", falseAbstention(), inScope.results.size()));
    }

    public List<String> languages() {
        TreeSet<String> langs = new TreeSet<>();
        results.forEach(r -> langs.add(r.question().lang()));
        return new ArrayList<>(langs);
    }

    /** The kinds present, in the order of {@link QuestionKind}. */
    public List<QuestionKind> kinds() {
        return java.util.Arrays.stream(QuestionKind.values()).filter(kind -> count(kind) > 0).toList();
    }

    /** A printable table: recall per language, answer hit per kind, the headline measures. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-6s %9s %9s %9s %9s   (questions with evidence, every kind)%n", "lang",
                "questions", "recall@1", "recall@3", "recall@5"));
        for (String lang : languages()) {
            sb.append(String.format(Locale.ROOT, "%-6s %9d %9s %9s %9s%n", lang,
                    where(q -> q.lang().equals(lang)).withEvidence(), fmt(recall(lang, 1)), fmt(recall(lang, 3)),
                    fmt(recall(lang, 5))));
        }
        sb.append(String.format(Locale.ROOT, "%-6s %9d %9s %9s %9s%n%n", "all", withEvidence(), fmt(recall(null, 1)),
                fmt(recall(null, 3)), fmt(recall(null, 5))));
        sb.append(String.format(Locale.ROOT, "%-13s %9s %10s%n", "kind", "questions", "answer hit"));
        for (QuestionKind kind : kinds()) {
            sb.append(String.format(Locale.ROOT, "%-13s %9d %10s%s%n", kind.id(), count(kind), fmt(hitRate(kind)),
                    kind == QuestionKind.OOS ? "   (abstained)" : ""));
        }
        sb.append(String.format(Locale.ROOT, "%n%-42s %6s %9s%n", "measure", "value", "questions"));
        for (Measure m : measures()) {
            sb.append(String.format(Locale.ROOT, "%-42s %6s %9d%n", m.name(), fmt(m.value()), m.questions()));
        }
        return sb.toString();
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private int withEvidence() {
        return (int) results.stream().filter(EvalSummary::hasEvidence).count();
    }

    private int count(QuestionKind kind) {
        return (int) results.stream().filter(r -> r.question().kind() == kind).count();
    }

    private static boolean hasEvidence(EvalResult r) {
        return !r.question().evidence().isEmpty();
    }

    private double share(Predicate<EvalResult> of, Predicate<EvalResult> hit) {
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
}
