package dev.episodebot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.testing.SharedEpisodeCore;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code eval --llm-context} on the bundled episode alone: the context each question would give
 * the LLM ({@link ContextRecall}), over a tuning set of English questions ({@code eval/tune7.jsonl},
 * written for context recall, 24 of its 28 in English) and the held-out set. The bundled episode
 * fits in the default budget, so every in-scope question must get it whole and find its evidence
 * there; with 50 more episodes in the folder the figures are lower (README, "With an LLM").
 */
class ContextRecallTest {

    private static ContextRecall.Summary tuning;
    private static ContextRecall.Summary heldout;

    @BeforeAll
    static void buildTheContexts() throws Exception {
        BotCore core = SharedEpisodeCore.core();
        ContextRecall recall = new ContextRecall(core.answerer(), core.contextAssembler());
        tuning = recall.run(EvalResources.questions("tune7.jsonl"));
        heldout = recall.run(EvalResources.questions("heldout.jsonl"));
        System.out.println("tune7:\n" + tuning.table() + "\nheld-out:\n" + heldout.table());
    }

    @Test
    void everyInScopeQuestionFindsItsEvidenceInItsContext() {
        // GIVEN the bundled episode alone in the knowledge folder
        // WHEN each question's LLM context is built (no LLM call)
        // THEN every in-scope question of both sets has one of its evidence strings in that context
        assertThat(tuning.results()).hasSize(28);
        assertThat(tuning.recall(null)).as("tune7 context recall").isEqualTo(1.0);
        assertThat(heldout.recall(null)).as("held-out context recall").isEqualTo(1.0);
    }

    @Test
    void theEpisodeFitsSoEveryContextHoldsItWholeWithinTheBudget() {
        // GIVEN the default budget (LLM_CONTEXT_TOKENS 8000) and an episode of about 3,500 tokens
        // WHEN the contexts are built
        // THEN each one is the whole episode, numbered, and none exceeds the budget
        for (ContextRecall.Summary summary : List.of(tuning, heldout)) {
            assertThat(summary.results()).allSatisfy(r -> {
                assertThat(r.context().wholeEpisodes()).as(r.question().id()).isTrue();
                assertThat(r.context().tokens()).as(r.question().id()).isBetween(1, summary.budget());
                assertThat(r.context().text()).as(r.question().id()).contains("L1 ").contains("L227 ");
            });
        }
    }
}
