package dev.episodebot.core.llm;

import java.util.List;

/**
 * What the LLM answered, checked against the context it was given.
 *
 * @param covered false when the model said the context does not hold the answer
 * @param text the answer, its citations renumbered {@code [1]}, {@code [2]}… in the order of {@code cited},
 *     without citations of lines it was not given and without sentences holding an unverifiable quote
 * @param cited the transcript lines each citation number stands for
 * @param removedQuotes the quotes that were not in the context (removed with their sentences)
 */
public record LlmReply(boolean covered, String text, List<LlmContext.Cited> cited, List<String> removedQuotes) {

    public LlmReply {
        cited = List.copyOf(cited);
        removedQuotes = List.copyOf(removedQuotes);
    }

    static LlmReply notCovered() {
        return new LlmReply(false, "", List.of(), List.of());
    }

    /** Whether the answer is left with at least one citation into the context (and some text). */
    public boolean sourced() {
        return covered && !cited.isEmpty() && !text.isBlank();
    }
}
