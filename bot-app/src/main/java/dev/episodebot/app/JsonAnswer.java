package dev.episodebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.episodebot.core.Citation;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.function.UnaryOperator;

/**
 * The {@code ask --json} form: {@code {"answer", "grounded", "language", "citations":[{"source",
 * "lineStart","lineEnd","start","end","url","quote"}], "retrieved":[{"source","lineStart","lineEnd",
 * "score","text"}]}}, with {@code start}/{@code end}/{@code url} null when unknown.
 */
final class JsonAnswer {

    private JsonAnswer() {}

    /** The answer as JSON, every text through {@code shown} (the core's {@code ShownText}). */
    static String of(Answer answer, UnaryOperator<String> shown) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("answer", shown.apply(answer.text()));
        root.put("grounded", answer.grounded());
        root.put("language", answer.language().code());
        ArrayNode citations = root.putArray("citations");
        for (Citation c : answer.citations()) {
            citations.addObject().put("source", shown.apply(c.source())).put("lineStart", c.lineStart())
                    .put("lineEnd", c.lineEnd()).put("start", c.start()).put("end", c.end()).put("url", shown.apply(c.url()))
                    .put("quote", shown.apply(c.quote()));
        }
        ArrayNode retrieved = root.putArray("retrieved");
        for (RetrievedPassage p : answer.retrieved()) {
            retrieved.addObject().put("source", shown.apply(p.chunk().source())).put("lineStart", p.chunk().lineStart())
                    .put("lineEnd", p.chunk().lineEnd()).put("score", p.score()).put("text", shown.apply(p.chunk().text()));
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
