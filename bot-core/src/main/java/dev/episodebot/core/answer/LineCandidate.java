package dev.episodebot.core.answer;

import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.RetrievedPassage;

/**
 * A line that may answer the question, and why it is a candidate.
 *
 * @param passage the passage it was found in
 * @param line the line
 * @param rank the passage's rank in retrieval (0 = best)
 * @param anchorDistance how many lines it is from a line the previous answer quoted ({@link PreviousTurn}),
 *     or {@link Integer#MAX_VALUE}
 * @param opening whether it is one of its episode's opening lines (who hosts, which channel)
 */
record LineCandidate(RetrievedPassage passage, TranscriptLine line, int rank, int anchorDistance, boolean opening) {

    /** Identifies a line across overlapping chunks. */
    String key() {
        return passage.chunk().source() + '#' + line.lineNumber() + '#' + line.text();
    }
}
