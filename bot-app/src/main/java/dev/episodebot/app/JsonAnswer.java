package dev.episodebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Item;
import dev.episodebot.core.Quote;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code ask --json} form: {@code {"answer", "grounded", "language", "citations":[{"source",
 * "lineStart","lineEnd","start","end","url","quote"}], "retrieved":[{"source","lineStart","lineEnd",
 * "score","text"}], "kind", "lead", "quotes":[{"lines","answerLine","citation"}],
 * "items":[{"text","quote","citation"}]}}: {@code answer} is the whole reply as plain text (as
 * {@code ask} prints it), {@code lead} the answer itself; {@code answerLine}, {@code quote} and
 * {@code citation} are indexes (into a quote's {@code lines}, {@code quotes}, {@code citations}),
 * null when there is none; {@code start}/{@code end}/{@code url} are null when unknown.
 */
final class JsonAnswer {

    private JsonAnswer() {}

    /** The answer as JSON, every text through {@code shown} (the core's {@code ShownText}). */
    static String of(Answer answer, UnaryOperator<String> shown) {
        return of(answer.reply().mapText(shown), answer.retrieved(), shown);
    }

    static String of(BotReply reply, List<RetrievedPassage> passages) {
        return of(reply, passages, UnaryOperator.identity());
    }

    static String of(BotReply reply, List<RetrievedPassage> passages, UnaryOperator<String> shown) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("answer", reply.text());
        root.put("grounded", reply.grounded());
        root.put("language", reply.language().code());
        ArrayNode citations = root.putArray("citations");
        for (Citation c : reply.citations()) {
            citations.addObject().put("source", c.source()).put("lineStart", c.lineStart()).put("lineEnd", c.lineEnd())
                    .put("start", c.start()).put("end", c.end()).put("url", c.url()).put("quote", c.quote());
        }
        ArrayNode retrieved = root.putArray("retrieved");
        for (RetrievedPassage p : passages) {
            retrieved.addObject().put("source", shown.apply(p.chunk().source())).put("lineStart", p.chunk().lineStart())
                    .put("lineEnd", p.chunk().lineEnd()).put("score", p.score()).put("text", shown.apply(p.chunk().text()));
        }
        root.put("kind", reply.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        root.put("lead", reply.lead());
        ArrayNode quotes = root.putArray("quotes");
        for (Quote q : reply.quotes()) {
            ObjectNode quote = quotes.addObject();
            ArrayNode lines = quote.putArray("lines");
            q.lines().forEach(lines::add);
            quote.put("answerLine", index(q.answerLine())).put("citation", q.citation());
        }
        ArrayNode items = root.putArray("items");
        for (Item i : reply.items()) {
            items.addObject().put("text", i.text()).put("quote", index(i.quote())).put("citation", index(i.citation()));
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Integer index(int value) {
        return value < 0 ? null : value;
    }
}
