package dev.episodebot.core.llm;

import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.index.TextAnalysis;
import dev.episodebot.core.retrieval.RetrievedPassage;
import dev.episodebot.core.retrieval.WeightedTerm;
import dev.episodebot.core.support.BoundedLruMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the episodes a question's passages and best lines come from by how well each explains the
 * question: the weighted share of the question's key terms (each distinct term once, by its weight
 * and IDF) that its best single line holds, that its best window of {@value #WINDOW} lines holds,
 * and that the whole episode holds, averaged; ties go to the episode with the best dense similarity
 * among the retrieved passages, then to the one retrieved first.
 *
 * <p>Passage ranking alone scores chunks one by one: when many episodes hold lines that resemble
 * the answer's, the right chunk ranks among them by chance. The episode with one place that holds
 * the question's rare words together is the one that explains it; {@link ContextAssembler} sends it
 * whole. Line terms are analysed once per episode content and kept for the most recent episodes.
 */
public final class EpisodeRouter {

    /** Lines in a window: a line and its neighbours. */
    static final int WINDOW = 3;

    /**
     * One episode's routing figures.
     *
     * @param source the episode
     * @param coverage the weighted share of the question's terms it holds (0..1; see the class comment)
     * @param cosine its best passage's dense similarity (NaN when none of its passages came from the dense side)
     */
    public record Route(String source, double coverage, double cosine) {}

    private final Map<String, List<Set<String>>> lineTerms = new BoundedLruMap<>(128);

    /** The episodes of {@code ranked}'s passages and of {@code bestLines}, the one that best explains the question first. */
    public List<Route> rank(IndexState state, List<WeightedTerm> terms, List<RetrievedPassage> ranked,
            List<LineRange> bestLines) {
        Map<String, Double> cosines = new LinkedHashMap<>();
        for (RetrievedPassage p : ranked) {
            cosines.merge(p.chunk().source(), Double.isNaN(p.cosine()) ? Double.NEGATIVE_INFINITY : p.cosine(),
                    Math::max);
        }
        for (LineRange line : bestLines) {
            cosines.putIfAbsent(line.source(), Double.NEGATIVE_INFINITY);
        }
        Map<String, Double> masses = new LinkedHashMap<>();
        for (WeightedTerm t : terms) {
            masses.merge(t.term(), t.weight() * t.idf(), Math::max);
        }
        double total = masses.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, Double> e : cosines.entrySet()) {
            EpisodeRecord episode = state.episode(e.getKey());
            if (episode == null || episode.lines().isEmpty()) {
                continue;
            }
            double coverage = total <= 0 ? 0
                    : (bestWindow(episode, masses, 1) + bestWindow(episode, masses, WINDOW)
                            + bestWindow(episode, masses, episode.lines().size())) / (3 * total);
            double cosine = e.getValue();
            routes.add(new Route(e.getKey(), coverage, cosine == Double.NEGATIVE_INFINITY ? Double.NaN : cosine));
        }
        // a stable sort: equal figures keep the retrieval order
        routes.sort(Comparator.comparingDouble(Route::coverage)
                .thenComparingDouble(r -> Double.isNaN(r.cosine()) ? Double.NEGATIVE_INFINITY : r.cosine()).reversed());
        return routes;
    }

    /** The most term mass ({@code masses}: term to weight × IDF) one window of {@code window} lines holds. */
    double bestWindow(EpisodeRecord episode, Map<String, Double> masses, int window) {
        List<Set<String>> lines = terms(episode);
        Map<String, Integer> inWindow = new HashMap<>();
        double held = 0;
        double best = 0;
        for (int i = 0; i < lines.size(); i++) {
            for (String term : lines.get(i)) {
                Double mass = masses.get(term);
                if (mass != null && inWindow.merge(term, 1, Integer::sum) == 1) {
                    held += mass;
                }
            }
            int out = i - window;
            if (out >= 0) {
                for (String term : lines.get(out)) {
                    Double mass = masses.get(term);
                    if (mass != null && inWindow.merge(term, -1, Integer::sum) == 0) {
                        held -= mass;
                    }
                }
            }
            best = Math.max(best, held);
        }
        return best;
    }

    private List<Set<String>> terms(EpisodeRecord episode) {
        String key = episode.contentHash() + "/" + episode.source();
        synchronized (lineTerms) {
            List<Set<String>> cached = lineTerms.get(key);
            if (cached != null) {
                return cached;
            }
        }
        List<Set<String>> lines = episode.lines().stream()
                .map(l -> (Set<String>) new HashSet<>(TextAnalysis.terms(l.text()))).toList();
        synchronized (lineTerms) {
            lineTerms.put(key, lines);
        }
        return lines;
    }
}
