package dev.episodebot.core.answer;

import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.RetrievedPassage;

/**
 * A transcript line of a retrieved passage and how well it answers the question.
 *
 * @param passage the passage it belongs to
 * @param index its position among the passage's lines
 * @param score the combined score (line similarity plus term coverage plus a rank prior)
 * @param termShare the share of the question's weighted terms in the line itself
 * @param cosine the cosine similarity of the line's embedding to the question
 */
public record ScoredLine(RetrievedPassage passage, int index, double score, double termShare, double cosine) {

    public TranscriptLine line() {
        return passage.chunk().lines().get(index);
    }
}
