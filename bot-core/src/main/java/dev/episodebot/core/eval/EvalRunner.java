package dev.episodebot.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.answer.QuestionAnswerer;
import dev.episodebot.core.bot.InputCleaner;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a question set through the answering pipeline. A question hits at k when one of its top-k
 * retrieved chunks contains any evidence string; an answer hits when it contains any expected
 * answer (case-insensitive); out-of-scope questions expect {@code grounded=false}.
 */
public final class EvalRunner {

    private final QuestionAnswerer answerer;
    private final ObjectMapper json = new ObjectMapper();

    public EvalRunner(QuestionAnswerer answerer) {
        this.answerer = answerer;
    }

    /** Reads a JSON-lines question file; a malformed line stops with its line number. */
    public List<EvalQuestion> read(Path file) throws IOException {
        List<EvalQuestion> questions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = json.readTree(line);
                questions.add(new EvalQuestion(node.path("id").asText("q" + (i + 1)), node.path("lang").asText("zh"),
                        node.path("kind").asText("fact"), node.get("q").asText(), strings(node.path("evidence")),
                        strings(node.path("answer"))));
            } catch (IOException | NullPointerException e) {
                throw new IOException(file + " line " + (i + 1) + " is not a question object: " + e.getMessage(), e);
            }
        }
        return questions;
    }

    public EvalSummary run(List<EvalQuestion> questions, int k) {
        List<EvalResult> results = new ArrayList<>();
        for (EvalQuestion q : questions) {
            Answer answer = answerer.answer(InputCleaner.clean(q.question()), List.of());
            List<String> retrieved = new ArrayList<>();
            for (RetrievedPassage p : answer.retrieved().subList(0, Math.min(k, answer.retrieved().size()))) {
                retrieved.add(p.chunk().text());
            }
            int hitRank = -1;
            for (int i = 0; i < answer.retrieved().size() && hitRank < 0; i++) {
                String text = answer.retrieved().get(i).chunk().text();
                for (String evidence : q.evidence()) {
                    if (text.contains(evidence)) {
                        hitRank = i;
                        break;
                    }
                }
            }
            String lower = answer.text().toLowerCase(Locale.ROOT);
            boolean answerHit = q.answers().stream().anyMatch(a -> lower.contains(a.toLowerCase(Locale.ROOT)));
            results.add(new EvalResult(q, retrieved, answer.text(), answer.grounded(), hitRank, answerHit));
        }
        return new EvalSummary(results, k);
    }

    /** The per-question report: id, retrieved (top-k chunk texts), answer, grounded. */
    public void writeReport(EvalSummary summary, Path out) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("k", summary.k());
        ObjectNode metrics = root.putObject("metrics");
        for (String lang : summary.languages()) {
            ObjectNode m = metrics.putObject(lang);
            for (int n : new int[] {1, 3, 5}) {
                double r = summary.recall(lang, n);
                if (!Double.isNaN(r)) {
                    m.put("recall@" + n, r);
                }
            }
        }
        putIfNumber(metrics, "answerHitRate", summary.answerHitRate());
        putIfNumber(metrics, "abstention", summary.abstention());
        putIfNumber(metrics, "falseAbstention", summary.falseAbstention());
        ArrayNode questions = root.putArray("questions");
        for (EvalResult r : summary.results()) {
            ObjectNode q = questions.addObject();
            q.put("id", r.question().id());
            ArrayNode retrieved = q.putArray("retrieved");
            r.retrieved().forEach(retrieved::add);
            q.put("answer", r.answer());
            q.put("grounded", r.grounded());
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
    }

    private static void putIfNumber(ObjectNode node, String name, double value) {
        if (!Double.isNaN(value)) {
            node.put(name, value);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
