package dev.episodebot.core.answer;

import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage two: re-ranks the scanned passages by their best line (a line's similarity is sharper than
 * a chunk's); passages without a scored line keep their place after them, in retrieval order.
 */
final class PassageReranker {

    private PassageReranker() {}

    /**
     * @param passages the passages in retrieval order
     * @param scanned how many of them had their lines scored
     * @param lines the scored lines (of those passages, and of passages added for a follow-up or the episode's opening)
     */
    static List<RetrievedPassage> rerank(List<RetrievedPassage> passages, int scanned, List<ScoredLine> lines) {
        Map<Integer, Double> best = new HashMap<>();
        for (ScoredLine line : lines) {
            best.merge(line.passage().ordinal(), line.score(), Math::max);
        }
        // a line found in one passage also counts for the other passages holding it
        for (RetrievedPassage passage : passages) {
            for (ScoredLine line : lines) {
                if (line.passage().ordinal() != passage.ordinal() && passage.chunk().lines().contains(line.line())
                        && passage.chunk().source().equals(line.passage().chunk().source())) {
                    best.merge(passage.ordinal(), line.score(), Math::max);
                }
            }
        }
        List<RetrievedPassage> head = new ArrayList<>(passages.subList(0, Math.min(scanned, passages.size())));
        List<Integer> seen = new ArrayList<>();
        head.forEach(p -> seen.add(p.ordinal()));
        for (ScoredLine line : lines) {
            if (!seen.contains(line.passage().ordinal())) {
                seen.add(line.passage().ordinal());
                head.add(line.passage());
            }
        }
        head.sort(Comparator.comparingDouble((RetrievedPassage p) -> -best.getOrDefault(p.ordinal(), -1.0)));
        List<RetrievedPassage> result = new ArrayList<>(head);
        for (RetrievedPassage passage : passages.subList(Math.min(scanned, passages.size()), passages.size())) {
            if (!seen.contains(passage.ordinal())) {
                result.add(passage);
            }
        }
        return result;
    }
}
