package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.llm.ContextAssembler;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.List;

/**
 * A question ready for the LLM step: retrieved, with the extractive answer already made.
 *
 * @param question the standalone question (a follow-up condensed)
 * @param language the asker's language
 * @param state the index state the question reads
 * @param ranked every retrieved passage, best first: the evidence's reranked passages, then the rest in fused order
 * @param scope what it asks about: the episodes' content, an episode itself (its host, its title) or an
 *     episode as a whole (what it is about), which decides how its context is chosen
 * @param passages the passages the answer keeps ({@link Answer#retrieved()})
 * @param episodes the titles of the known episodes (named when the question is not covered)
 * @param fallback the extractive answer, given when the LLM fails or cannot be trusted
 */
public record LlmQuestion(String question, Language language, IndexState state, List<RetrievedPassage> ranked,
        ContextAssembler.Scope scope, List<RetrievedPassage> passages, List<String> episodes, Answer fallback) {

    public LlmQuestion {
        ranked = List.copyOf(ranked);
        passages = List.copyOf(passages);
        episodes = List.copyOf(episodes);
    }
}
