package dev.episodebot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.bot.ConversationMemories;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.FakeChatServer.Reply;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EvalRunner} on a fast core (hashing embeddings): context questions go first through the
 * same conversation memory a chat uses, each question has a conversation of its own, and the
 * report carries kind and hit.
 */
class EvalRunnerTest {

    private static final String CONTEXT = "Snowflake 想收购哪家公司？";

    @TempDir
    Path root;

    private static EvalQuestion followUp() {
        return new EvalQuestion("f", "zh", QuestionKind.FOLLOWUP, List.of(CONTEXT), "后来成了吗？", List.of("这笔收购此后又被曝终止"),
                List.of("终止"));
    }

    private static EvalQuestion standalone() {
        return new EvalQuestion("s", "zh", QuestionKind.FACT, List.of(), "Reka 的技术团队有多少人？", List.of("不到 15 人"),
                List.of("15"));
    }

    private BotCore core(Map<String, String> env) {
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        BotCore core = TestCores.hashing(root, env);
        core.refresh(IndexingListener.none());
        return core;
    }

    @Test
    void theContextReachesTheFollowUpThroughTheConversationHistoryAndGoesNoFurther() {
        // GIVEN a core with an LLM (a fake OpenAI-compatible server), which condenses follow-ups from the history
        try (FakeChatServer llm = FakeChatServer.start(); BotCore core = core(llm.openAiEnv("5s"))) {
            llm.otherwise(Reply.text("Snowflake 想收购 Reka。[L187]"));

            // WHEN a follow-up with one context question, then a standalone question, are evaluated
            EvalSummary summary = new EvalRunner(core.answerer()).run(List.of(followUp(), standalone()), 5);

            // THEN exactly one request carries a conversation: the follow-up's, holding the context question
            // and the bot's answer to it; the standalone question saw no history
            List<String> conversations = llm.requests().stream().map(FakeChatServer.Recorded::userMessage)
                    .filter(m -> m.startsWith("<conversation>")).toList();
            assertThat(conversations).hasSize(1);
            assertThat(conversations.get(0)).contains("User: " + CONTEXT).contains("Bot: ")
                    .doesNotContain("技术团队");
            assertThat(summary.results().get(0).contextAnswers()).hasSize(1)
                    .allSatisfy(a -> assertThat(a).contains("Snowflake 想收购 Reka"));
            assertThat(summary.results().get(1).contextAnswers()).isEmpty();
        }
    }

    @Test
    void everyConversationIsForgottenAfterItsQuestion() {
        // GIVEN a core without an LLM and the memory the runner uses
        try (BotCore core = core(Map.of())) {
            ConversationMemories memories = new ConversationMemories(10, EvalRunner.MEMORY_MESSAGES);

            // WHEN a follow-up and a standalone question are evaluated
            EvalSummary summary = new EvalRunner(core.answerer(), memories).run(List.of(followUp(), standalone()), 3);

            // THEN the follow-up's context was answered, nothing stays remembered, and at most k texts are kept
            assertThat(summary.results().get(0).contextAnswers()).singleElement().asString().isNotBlank();
            assertThat(memories.size()).isZero();
            assertThat(summary.results()).allSatisfy(r -> assertThat(r.retrieved()).hasSizeLessThanOrEqualTo(3));
        }
    }

    @Test
    void theReportHoldsKindHitAndTheContextPerQuestionAndTheMeasuresByName() throws Exception {
        // GIVEN a run over a follow-up and a fact question
        try (BotCore core = core(Map.of())) {
            EvalSummary summary = new EvalRunner(core.answerer()).run(List.of(followUp(), standalone()), 5);
            Path out = root.resolve("reports/eval.json");

            // WHEN the report is written
            EvalReport.write(summary, out);

            // THEN each question has its kind and hit as the summary has them, the follow-up its context and answers
            JsonNode report = new ObjectMapper().readTree(out.toFile());
            JsonNode questions = report.get("questions");
            assertThat(questions).hasSize(2);
            for (int i = 0; i < 2; i++) {
                EvalResult r = summary.results().get(i);
                assertThat(questions.get(i).get("kind").asText()).isEqualTo(r.question().kind().id());
                assertThat(questions.get(i).get("hit").asBoolean()).isEqualTo(r.hit());
                assertThat(questions.get(i).get("hitRank").asInt()).isEqualTo(r.hitRank());
            }
            assertThat(questions.get(0).get("context").get(0).asText()).isEqualTo(CONTEXT);
            assertThat(questions.get(0).get("contextAnswers")).hasSize(1);
            assertThat(questions.get(1).has("context")).isFalse();
            assertThat(report.get("metrics").get("measures").has("zh recall@3 (fact, paraphrase, follow-up)")).isTrue();
            assertThat(report.get("metrics").get("answerHitByKind").has("followup")).isTrue();
        }
    }
}
