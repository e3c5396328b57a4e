package dev.episodebot.core.answer;

import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.List;

/**
 * What the retrieved passages say about a question.
 *
 * @param passages the passages, best first (re-ranked by their best line)
 * @param lines the answering lines, the lead first (at most a few, from different places)
 * @param items for a list question, one line per answer found, in transcript order; empty otherwise
 * @param coverage the share of the question's weighted terms found around the best line (0..1)
 * @param cosine the best line's cosine similarity to the question
 * @param grounded whether the evidence is strong enough to answer from
 * @param judged what the covered / not covered judgement rested on (null when there was nothing to judge)
 */
public record Evidence(List<RetrievedPassage> passages, List<ScoredLine> lines, List<ScoredLine> items, double coverage,
        double cosine, boolean grounded, CoverageJudge.Features judged) {

    public Evidence {
        passages = List.copyOf(passages);
        lines = List.copyOf(lines);
        items = List.copyOf(items);
    }

    public static Evidence none() {
        return new Evidence(List.of(), List.of(), List.of(), 0, 0, false, null);
    }
}
