package dev.episodebot.core.answer;

import dev.episodebot.core.embedding.LineVectors;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.LexicalSearcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage one of finding the evidence: scores every candidate line by the cosine similarity of its own
 * embedding to the question (a chunk's similarity is diluted by its other lines; a line's is not),
 * the share of the question's weighted terms the line holds and that its window (the lines that
 * would be quoted with it) holds, whether it holds an answer of the asked type, and — for a
 * follow-up — how close it is to what the previous answer quoted; the episode's opening lines count
 * for questions about the episode itself.
 */
final class LineScorer {

    /** How much the lexical evidence counts beside the cosine. */
    static final double LEXICAL_WEIGHT = 0.35;
    /**
     * How much it counts for a question in another language: the cosine of an English question to a
     * Chinese line says little, the words its translation shares with the line say more.
     */
    static final double CROSS_LEXICAL_WEIGHT = 0.8;
    /** A line holding what the question asks for (a number, a date …) is the likelier answer. */
    static final double TYPE_BONUS = 0.06;
    /** A line next to what the previous answer quoted is the likelier answer to a follow-up. */
    static final double ANCHOR_BONUS = 0.12;
    /** How far from the previous answer a follow-up's answer is looked for. */
    static final int ANCHOR_REACH = 4;
    /** How far around a line the question's key phrases are looked for together. */
    static final int PHRASE_REACH = 3;
    /** The opening lines of an episode answer who hosts it and which channel it is. */
    static final double OPENING_BONUS = 0.25;

    /**
     * What is known about one candidate line.
     *
     * @param cosine the best cosine of the line to any query
     * @param ownShare the share of the question's mass the line holds
     * @param windowCoverage the share its window holds
     * @param rank its passage's retrieval rank
     * @param typed whether it holds an answer of the asked type
     * @param anchorDistance lines from the previous answer's quote (MAX_VALUE when none)
     * @param opening whether it opens its episode and the question is about the episode
     * @param crossLanguage whether the question is in another language than the line
     */
    record Features(double cosine, double ownShare, double windowCoverage, int rank, boolean typed, int anchorDistance,
            boolean opening, boolean crossLanguage) {}

    private final LineVectors vectors;

    LineScorer(LineVectors vectors) {
        this.vectors = vectors;
    }

    /** The score of a line with these features. */
    static double score(Features f) {
        double lexical = f.crossLanguage() ? CROSS_LEXICAL_WEIGHT : LEXICAL_WEIGHT;
        double score = f.cosine() + lexical * (f.ownShare() + 0.5 * f.windowCoverage()) + 0.02 / (f.rank() + 1);
        if (f.typed()) {
            score += TYPE_BONUS;
        }
        // near what the previous answer quoted, but not the very lines it gave: a follow-up asks for more
        if (f.anchorDistance() > 0 && f.anchorDistance() <= ANCHOR_REACH) {
            score += ANCHOR_BONUS * (1 - (double) f.anchorDistance() / (ANCHOR_REACH + 1));
        }
        if (f.opening()) {
            score += OPENING_BONUS;
        }
        return score;
    }

    /**
     * Scores the candidates.
     *
     * @param queries the texts whose embeddings the lines are compared with (the question, its variants)
     */
    List<ScoredLine> score(List<LineCandidate> candidates, QuestionAnalysis question, List<String> queries,
            TermMass mass, LexicalSearcher lexical, EpisodeLines episodes) {
        List<String> texts = new ArrayList<>(candidates.size());
        for (LineCandidate c : candidates) {
            texts.add(c.line().text());
        }
        List<float[]> lineVectors = vectors.lines(texts);
        List<float[]> queryVectors = new ArrayList<>();
        for (String query : queries) {
            queryVectors.add(vectors.query(query));
        }
        Map<String, Set<String>> termsOf = new HashMap<>();
        List<ScoredLine> scored = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            LineCandidate c = candidates.get(i);
            double cosine = -1;
            for (float[] q : queryVectors) {
                cosine = Math.max(cosine, dot(q, lineVectors.get(i)));
            }
            Set<String> own = termsOf.computeIfAbsent(c.line().text(), t -> new HashSet<>(lexical.terms(t)));
            Set<String> window = new HashSet<>();
            for (TranscriptLine line : episodes.window(c.passage(), c.line(), EvidenceFinder.CONTEXT_BEFORE,
                    EvidenceFinder.CONTEXT_AFTER)) {
                window.addAll(termsOf.computeIfAbsent(line.text(), t -> new HashSet<>(lexical.terms(t))));
            }
            window.addAll(own);
            Set<String> reach = new HashSet<>(window);
            for (TranscriptLine line : episodes.window(c.passage(), c.line(), PHRASE_REACH, PHRASE_REACH)) {
                reach.addAll(termsOf.computeIfAbsent(line.text(), t -> new HashSet<>(lexical.terms(t))));
            }
            boolean typed = question.answeredBy(c.line().text());
            Features f = new Features(cosine, mass.share(own), mass.share(window), c.rank(), typed, c.anchorDistance(),
                    c.opening() && question.aboutEpisode(), question.crossLanguage());
            scored.add(new ScoredLine(c.passage(), c.line(), score(f), f.ownShare(), cosine, f.windowCoverage(), typed,
                    mass.weakestPhrase(reach)));
        }
        return scored;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
