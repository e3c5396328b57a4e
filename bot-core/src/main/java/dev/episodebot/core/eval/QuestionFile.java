package dev.episodebot.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a question set: JSON lines with {@code id}, {@code lang}, {@code kind}, optional
 * {@code context} (earlier questions), {@code q}, {@code evidence[]} and {@code answer[]}.
 */
public final class QuestionFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QuestionFile() {}

    /** The questions of {@code file}, in order; a malformed line stops with its line number and the reason. */
    public static List<EvalQuestion> read(Path file) throws IOException {
        List<EvalQuestion> questions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                questions.add(parse(JSON.readTree(line), "q" + (i + 1)));
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + " is not a question object: " + e.getMessage(), e);
            }
        }
        return questions;
    }

    private static EvalQuestion parse(JsonNode node, String defaultId) {
        JsonNode q = node.get("q");
        if (q == null || !q.isTextual() || q.asText().isBlank()) {
            throw new IllegalArgumentException("\"q\" is missing or empty");
        }
        return new EvalQuestion(node.path("id").asText(defaultId), node.path("lang").asText("zh"),
                QuestionKind.of(node.path("kind").asText("fact")), strings(node, "context"), q.asText(),
                strings(node, "evidence"), strings(node, "answer"));
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode array = node.path(field);
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" is not an array");
        }
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
