package dev.episodebot.core.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON report of a run: {@code k}, {@code metrics} (recall@1/3/5 per language, answer hit per
 * kind, the headline measures by name) and, per question, {@code id}, {@code lang}, {@code kind},
 * {@code q}, {@code context} with the bot's {@code contextAnswers}, {@code retrieved} (top-k chunk
 * texts), {@code hitRank}, {@code answer}, {@code grounded} and {@code hit}.
 */
public final class EvalReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalReport() {}

    public static void write(EvalSummary summary, Path out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("k", summary.k());
        ObjectNode metrics = root.putObject("metrics");
        for (String lang : summary.languages()) {
            ObjectNode m = metrics.putObject(lang);
            for (int n : new int[] {1, 3, 5}) {
                putIfNumber(m, "recall@" + n, summary.recall(lang, n));
            }
        }
        ObjectNode byKind = metrics.putObject("answerHitByKind");
        for (QuestionKind kind : summary.kinds()) {
            putIfNumber(byKind, kind.id(), summary.hitRate(kind));
        }
        ObjectNode measures = metrics.putObject("measures");
        for (EvalSummary.Measure m : summary.measures()) {
            putIfNumber(measures, m.name(), m.value());
        }
        putIfNumber(metrics, "answerHitRate", summary.answerHitRate());
        putIfNumber(metrics, "abstention", summary.abstention());
        putIfNumber(metrics, "falseAbstention", summary.falseAbstention());
        ArrayNode questions = root.putArray("questions");
        for (EvalResult r : summary.results()) {
            ObjectNode q = questions.addObject();
            q.put("id", r.question().id());
            q.put("lang", r.question().lang());
            q.put("kind", r.question().kind().id());
            q.put("q", r.question().question());
            if (!r.question().context().isEmpty()) {
                ArrayNode context = q.putArray("context");
                r.question().context().forEach(context::add);
                ArrayNode contextAnswers = q.putArray("contextAnswers");
                r.contextAnswers().forEach(contextAnswers::add);
            }
            ArrayNode retrieved = q.putArray("retrieved");
            r.retrieved().forEach(retrieved::add);
            q.put("hitRank", r.hitRank());
            q.put("answer", r.answer());
            q.put("grounded", r.grounded());
            q.put("hit", r.hit());
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
    }

    private static void putIfNumber(ObjectNode node, String name, double value) {
        if (!Double.isNaN(value)) {
            node.put(name, value);
        }
    }
}
