package dev.episodebot.core.overview;

import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Every line of every episode that contains a term, case- and width-insensitively
 * ({@link SearchText}), in episode order and then line order. A plain scan: the term is never a
 * pattern or a query, so {@code <}, {@code %}, {@code .*} or {@code )} are looked for as written.
 */
final class LineSearch {

    /**
     * The matches, at most {@code limit} of them, and how many there are in all.
     *
     * @param hits the first {@code limit} matching lines
     * @param total every matching line
     */
    record Result(List<Hit> hits, int total) {}

    /** One matching line of one episode. */
    record Hit(EpisodeRecord episode, TranscriptLine line) {}

    /** Finds {@code term} (already checked to be non-blank) in every line of {@code state}. */
    Result find(IndexState state, String term, int limit) {
        String folded = SearchText.fold(term);
        List<Hit> hits = new ArrayList<>();
        int total = 0;
        if (folded.isEmpty()) {
            return new Result(hits, 0);
        }
        for (EpisodeRecord episode : state.episodes()) {
            for (TranscriptLine line : episode.lines()) {
                if (SearchText.fold(line.text()).contains(folded)) {
                    total++;
                    if (hits.size() < limit) {
                        hits.add(new Hit(episode, line));
                    }
                }
            }
        }
        return new Result(hits, total);
    }
}
