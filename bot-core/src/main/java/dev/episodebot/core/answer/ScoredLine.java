package dev.episodebot.core.answer;

import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.RetrievedPassage;

/**
 * A transcript line of a retrieved passage and how well it answers the question.
 *
 * @param passage the passage it was found in (its source, title and link cite it)
 * @param line the line
 * @param score the combined score ({@link LineScorer})
 * @param termShare the share of the question's weighted terms in the line itself
 * @param cosine the cosine similarity of the line's embedding to the question
 * @param windowCoverage the share of the question's weighted terms in the line and its neighbours
 * @param typed whether the line holds an answer of the type the question asks for
 * @param weakestPhrase how well its window holds the question's weakest key phrase ({@link TermMass#weakestPhrase})
 */
public record ScoredLine(RetrievedPassage passage, TranscriptLine line, double score, double termShare, double cosine,
        double windowCoverage, boolean typed, double weakestPhrase) {

    /** The same line with another score. */
    ScoredLine withScore(double newScore) {
        return new ScoredLine(passage, line, newScore, termShare, cosine, windowCoverage, typed, weakestPhrase);
    }

    /** Whether this line is within {@code distance} lines of {@code other} in the same transcript. */
    boolean near(ScoredLine other, int distance) {
        return passage.chunk().source().equals(other.passage.chunk().source())
                && Math.abs(line.lineNumber() - other.line.lineNumber()) <= distance;
    }
}
