package dev.episodebot.core.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.episodebot.core.ReplyProgress;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.answer.LlmQuestion;
import dev.episodebot.core.answer.LlmStep;
import dev.episodebot.core.answer.QuestionAnswerer;
import dev.episodebot.core.bot.ConversationMemories;
import dev.episodebot.core.llm.ContextAssembler;
import dev.episodebot.core.llm.LlmContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code eval --llm-context}: builds, with no LLM call, the context each question of a set would be
 * given ({@link ContextAssembler}, through the same pipeline as an answer: follow-ups after their
 * context questions, cross-language questions with the offline dictionary), and measures context
 * recall: the share of in-scope questions with one of their {@code evidence} strings inside that
 * context, per kind and in all.
 */
public final class ContextRecall {

    /**
     * One question's context.
     *
     * @param question the question
     * @param context the context it would get
     * @param hit whether one of its evidence strings is in that context
     */
    public record Result(EvalQuestion question, LlmContext context, boolean hit) {}

    /** The results of a run. */
    public record Summary(List<Result> results, int budget) {

        public Summary {
            results = List.copyOf(results);
        }

        /** Context recall over the in-scope questions of {@code kind} (null: all of them); NaN when there are none. */
        public double recall(QuestionKind kind) {
            List<Result> counted = results.stream().filter(r -> !r.question().outOfScope()
                    && !r.question().evidence().isEmpty() && (kind == null || r.question().kind() == kind)).toList();
            return counted.isEmpty() ? Double.NaN
                    : (double) counted.stream().filter(Result::hit).count() / counted.size();
        }

        /** The table {@code eval --llm-context} prints. */
        public String table() {
            StringBuilder sb = new StringBuilder("Context recall (LLM_CONTEXT_TOKENS=" + budget + ", no LLM call)\n");
            sb.append("| Kind | Questions | Context recall |\n| --- | ---: | ---: |\n");
            Map<QuestionKind, Integer> counts = new EnumMap<>(QuestionKind.class);
            for (Result r : results) {
                if (!r.question().outOfScope() && !r.question().evidence().isEmpty()) {
                    counts.merge(r.question().kind(), 1, Integer::sum);
                }
            }
            for (Map.Entry<QuestionKind, Integer> e : counts.entrySet()) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f |%n", e.getKey().id(), e.getValue(),
                        recall(e.getKey())));
            }
            int all = counts.values().stream().mapToInt(Integer::intValue).sum();
            sb.append(String.format(Locale.ROOT, "| all | %d | %.2f |%n", all, recall(null)));
            long whole = results.stream().filter(r -> r.context().wholeEpisodes()).count();
            double tokens = results.stream().mapToInt(r -> r.context().tokens()).average().orElse(0);
            sb.append(String.format(Locale.ROOT, "Whole episodes for %d of %d questions; %.0f tokens per context on average.%n",
                    whole, results.size(), tokens));
            return sb.toString();
        }

        /** The JSON report: the figures, and per question its id, kind, text, hit and whole context text. */
        public void write(Path out) throws IOException {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode();
            root.put("contextTokens", budget);
            ObjectNode metrics = root.putObject("contextRecall");
            for (QuestionKind kind : QuestionKind.values()) {
                double value = recall(kind);
                if (!Double.isNaN(value)) {
                    metrics.put(kind.id(), value);
                }
            }
            if (!Double.isNaN(recall(null))) {
                metrics.put("all", recall(null));
            }
            ArrayNode questions = root.putArray("questions");
            for (Result r : results) {
                ObjectNode q = questions.addObject();
                q.put("id", r.question().id());
                q.put("lang", r.question().lang());
                q.put("kind", r.question().kind().id());
                q.put("q", r.question().question());
                q.put("hit", r.hit());
                q.put("tokens", r.context().tokens());
                q.put("wholeEpisodes", r.context().wholeEpisodes());
                q.put("context", r.context().text());
            }
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
        }
    }

    private final QuestionAnswerer answerer;
    private final ContextAssembler assembler;
    private final ConversationMemories memories = new ConversationMemories(1, EvalRunner.MEMORY_MESSAGES);
    private LlmContext last = LlmContext.empty();

    /** @param answerer the pipeline; its LLM (if any) is never called here */
    public ContextRecall(QuestionAnswerer answerer, ContextAssembler assembler) {
        this.assembler = assembler;
        this.answerer = answerer.offlineWith(new Probe());
    }

    /** The LLM step that only assembles the context, and answers with the extractive answer. */
    private final class Probe implements LlmStep {
        @Override
        public Answer answer(LlmQuestion question, Duration budget, ReplyProgress progress) {
            last = assembler.forQuestion(question.state(), question.ranked(), question.scope());
            return question.fallback();
        }
    }

    public Summary run(List<EvalQuestion> questions) {
        List<Result> results = new ArrayList<>();
        int n = 0;
        for (EvalQuestion q : questions) {
            try (EvalConversation conversation = new EvalConversation(answerer, memories, "ctx-" + (++n) + "-" + q.id())) {
                for (String earlier : q.context()) {
                    conversation.ask(earlier);
                }
                last = LlmContext.empty();
                conversation.ask(q.question());
            }
            LlmContext context = last;
            StringBuilder lines = new StringBuilder();
            context.blocks().forEach(b -> b.lines().forEach(l -> lines.append(l.text()).append('\n')));
            boolean hit = q.evidence().stream().anyMatch(e -> lines.indexOf(e) >= 0);
            results.add(new Result(q, context, hit));
        }
        return new Summary(results, assembler.budget());
    }
}
