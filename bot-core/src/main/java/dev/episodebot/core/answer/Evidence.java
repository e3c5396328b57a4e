package dev.episodebot.core.answer;

import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.List;

/**
 * What the retrieved passages say about a question.
 *
 * @param passages the passages, best first
 * @param lines the best lines, best first (at most a few, from different places)
 * @param coverage the share of the question's weighted terms found around the best line (0..1)
 * @param cosine the best passage's cosine similarity to the question
 * @param grounded whether the evidence is strong enough to answer from
 */
public record Evidence(List<RetrievedPassage> passages, List<ScoredLine> lines, double coverage, double cosine,
        boolean grounded) {

    public Evidence {
        passages = List.copyOf(passages);
        lines = List.copyOf(lines);
    }

    public static Evidence none() {
        return new Evidence(List.of(), List.of(), 0, 0, false);
    }
}
