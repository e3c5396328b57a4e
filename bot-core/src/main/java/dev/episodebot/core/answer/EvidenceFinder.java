package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.embedding.LineVectors;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.retrieval.RetrievedPassage;
import dev.episodebot.core.retrieval.WeightedTerm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the transcript lines that answer a question inside the retrieved passages, and judges
 * whether the episode covers the question at all.
 *
 * <p>Every line of the best passages is scored twice: by the cosine similarity of its own
 * embedding to the question (a chunk's similarity is diluted by its other lines; a line's is not)
 * and by the IDF mass of the question's terms that the line and its two neighbours hold — the
 * window that would be quoted. The question counts as covered when the best line is semantically
 * close enough, or when the window holds most of what the question asks about. Terms the knowledge
 * never uses count against coverage for questions in the knowledge's own script (a Chinese
 * question about 天气 over a Chinese transcript without 天气 is off-topic), but not for questions in
 * another language, whose words cannot be expected to appear verbatim.
 */
public final class EvidenceFinder {

    /**
     * The thresholds of the covered / not covered judgement.
     *
     * @param lineCosine a line this close to the question means the episode covers it
     * @param lineCosineWithTerms a line this close also counts when the window holds {@code termShare} of the question's terms
     * @param termShare see above
     * @param coverage a window holding this share of the question's terms counts on its own
     * @param crossVocabulary for a question in another language than the knowledge: the share of its
     *     content words the knowledge must use (directly or translated)
     * @param crossLineCosine ... and the line similarity it needs as well
     */
    public record Thresholds(double lineCosine, double lineCosineWithTerms, double termShare, double coverage,
            double crossVocabulary, double crossLineCosine) {

        /** Defaults chosen on the development questions (see README, "Evaluation"). */
        public static Thresholds defaults() {
            return new Thresholds(0.50, 0.42, 0.30, 0.60, 0.6, 0.40);
        }

        /** These thresholds for a model whose cosines run {@code shift} higher than the one they were chosen on. */
        public Thresholds shiftedBy(double shift) {
            return new Thresholds(lineCosine + shift, lineCosineWithTerms + shift, termShare, coverage, crossVocabulary,
                    crossLineCosine + shift);
        }
    }

    private static final int PASSAGES_TO_SCAN = 8;
    /** Lines quoted before and after the best line. */
    public static final int CONTEXT_BEFORE = 1;
    public static final int CONTEXT_AFTER = 2;
    private static final int MAX_LINES = 2;
    private static final double LEXICAL_WEIGHT = 0.35;
    /** A line holding a number (a date) is the likelier answer to a quantity (time) question. */
    private static final double ANSWER_TYPE_BONUS = 0.06;

    private final Thresholds thresholds;
    private final LineVectors vectors;

    public EvidenceFinder(Thresholds thresholds, LineVectors vectors) {
        this.thresholds = thresholds;
        this.vectors = vectors;
    }

    /**
     * @param index the index the passages come from (for term statistics)
     * @param queries the question and its variants (a translation), the user's own words first
     * @param passages the retrieved passages, best first
     * @param vocabularyShare for a question in another language than the knowledge, the share of its
     *     content words the knowledge uses (see {@link QueryTranslator.Translation}); ignored otherwise
     */
    public Evidence find(IndexView index, List<String> queries, List<RetrievedPassage> passages,
            double vocabularyShare) {
        if (passages.isEmpty()) {
            return Evidence.none();
        }
        LexicalSearcher lexical = new LexicalSearcher(index);
        Language knowledge = index.state().language();
        Map<String, Double> mass = new HashMap<>();
        for (String query : queries) {
            for (WeightedTerm term : lexical.queryTerms(query)) {
                mass.merge(term.term(), term.weight() * term.idf(), Math::max);
            }
        }
        double total = questionMass(lexical, queries, knowledge);

        // candidate lines: every line of the best passages, once
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        int scan = Math.min(PASSAGES_TO_SCAN, passages.size());
        for (int p = 0; p < scan; p++) {
            RetrievedPassage passage = passages.get(p);
            List<TranscriptLine> lines = passage.chunk().lines();
            List<Set<String>> lineTerms = new ArrayList<>(lines.size());
            for (TranscriptLine line : lines) {
                lineTerms.add(new HashSet<>(lexical.terms(line.text())));
            }
            for (int i = 0; i < lines.size(); i++) {
                String key = key(passage, i);
                if (candidates.containsKey(key)) {
                    continue;
                }
                Set<String> window = new HashSet<>();
                for (int j = Math.max(0, i - CONTEXT_BEFORE); j <= Math.min(lines.size() - 1, i + CONTEXT_AFTER); j++) {
                    window.addAll(lineTerms.get(j));
                }
                double own = massOf(lineTerms.get(i), mass);
                double windowCoverage = total <= 0 ? 0 : Math.min(1, massOf(window, mass) / total);
                double ownShare = total <= 0 ? 0 : Math.min(1, own / total);
                candidates.put(key, new Candidate(passage, i, p, ownShare, windowCoverage));
            }
        }
        List<Candidate> list = new ArrayList<>(candidates.values());
        List<String> texts = new ArrayList<>(list.size());
        for (Candidate c : list) {
            texts.add(c.text());
        }
        List<float[]> lineVectors = vectors.lines(texts);
        List<float[]> queryVectors = new ArrayList<>();
        for (String query : queries) {
            queryVectors.add(vectors.query(query));
        }

        AnswerType type = AnswerType.of(queries.get(0));
        double bestCosine = -1;
        double bestCoverage = 0;
        List<ScoredLine> scored = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Candidate c = list.get(i);
            double cosine = -1;
            for (float[] q : queryVectors) {
                cosine = Math.max(cosine, dot(q, lineVectors.get(i)));
            }
            bestCosine = Math.max(bestCosine, cosine);
            bestCoverage = Math.max(bestCoverage, c.windowCoverage());
            double score = cosine + LEXICAL_WEIGHT * (c.ownShare() + 0.5 * c.windowCoverage()) + 0.02 / (c.rank() + 1)
                    + (type.matches(c.text()) ? ANSWER_TYPE_BONUS : 0);
            scored.add(new ScoredLine(c.passage(), c.index(), score, c.ownShare(), cosine));
        }
        // rerank the scanned passages by their best line: a line's similarity is sharper than a chunk's
        Map<String, Double> lineScore = new HashMap<>();
        for (ScoredLine line : scored) {
            lineScore.merge(key(line.passage(), line.index()), line.score(), Math::max);
        }
        List<RetrievedPassage> reranked = new ArrayList<>(passages.subList(0, scan));
        Map<Integer, Double> passageScore = new HashMap<>();
        for (RetrievedPassage passage : reranked) {
            double bestLine = -1;
            for (int i = 0; i < passage.chunk().lines().size(); i++) {
                bestLine = Math.max(bestLine, lineScore.getOrDefault(key(passage, i), -1.0));
            }
            passageScore.put(passage.ordinal(), bestLine);
        }
        reranked.sort((a, b) -> Double.compare(passageScore.get(b.ordinal()), passageScore.get(a.ordinal())));
        reranked.addAll(passages.subList(scan, passages.size()));

        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        List<ScoredLine> best = new ArrayList<>();
        for (ScoredLine line : scored) {
            if (best.size() >= MAX_LINES) {
                break;
            }
            if (best.isEmpty() || (line.score() >= best.get(0).score() - 0.08 && !overlaps(line, best))) {
                best.add(line);
            }
        }
        boolean sameScript = Language.detect(queries.get(0)) == knowledge;
        boolean grounded;
        if (sameScript && unknownLatinName(lexical, queries.get(0), knowledge)) {
            // a Chinese question naming something in Latin script the transcript never mentions
            // (ChatGPT, iPhone, Tesla) is about something else, however similar its wording
            grounded = bestCoverage >= thresholds.coverage();
        } else if (sameScript) {
            grounded = bestCosine >= thresholds.lineCosine()
                    || (bestCosine >= thresholds.lineCosineWithTerms() && bestCoverage >= thresholds.termShare())
                    || bestCoverage >= thresholds.coverage();
        } else {
            grounded = vocabularyShare >= thresholds.crossVocabulary() && bestCosine >= thresholds.crossLineCosine();
        }
        return new Evidence(reranked, best, bestCoverage, bestCosine, grounded);
    }

    /**
     * The weighted IDF mass of what the question asks about. Terms the knowledge never uses weigh
     * as much as the rarest term when the question is in the knowledge's script, nothing otherwise
     * — except a Chinese bigram that straddles two known words (祥物|阿福 → 物阿): character
     * bigrams make such junk at every word boundary, and it says nothing about coverage. With
     * several variants (a translation), the heaviest counts.
     */
    private static double questionMass(LexicalSearcher lexical, List<String> queries, Language knowledge) {
        double unknownIdf = lexical.maxIdf();
        double total = 0;
        for (String query : queries) {
            boolean sameScript = Language.detect(query) == knowledge;
            List<String> terms = lexical.terms(query);
            Map<String, WeightedTerm> weighted = new HashMap<>();
            for (WeightedTerm term : lexical.queryTerms(query)) {
                weighted.put(term.term(), term);
            }
            Set<String> counted = new HashSet<>();
            double sum = 0;
            for (int i = 0; i < terms.size(); i++) {
                WeightedTerm term = weighted.get(terms.get(i));
                if (term == null || !counted.add(term.term())) {
                    continue;
                }
                if (term.idf() > 0) {
                    sum += term.weight() * term.idf();
                } else if (sameScript && !straddlesKnownWords(terms, i, weighted)) {
                    sum += term.weight() * unknownIdf;
                }
            }
            total = Math.max(total, sum);
        }
        return total;
    }

    /**
     * Whether a question over Chinese knowledge contains a Latin-script word of three or more letters
     * (a name, a product) that the knowledge never uses.
     */
    private static boolean unknownLatinName(LexicalSearcher lexical, String question, Language knowledge) {
        if (knowledge != Language.ZH) {
            return false;
        }
        for (WeightedTerm term : lexical.queryTerms(question)) {
            String t = term.term();
            if (t.length() >= 3 && !Language.isCjk(t.codePointAt(0)) && Character.isLetter(t.codePointAt(0))
                    && term.idf() == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the CJK bigram at {@code i} sits between two bigrams the knowledge uses (or that carry no weight). */
    private static boolean straddlesKnownWords(List<String> terms, int i, Map<String, WeightedTerm> weighted) {
        String term = terms.get(i);
        if (term.length() != 2 || !Language.isCjk(term.charAt(0)) || i == 0 || i + 1 >= terms.size()) {
            return false;
        }
        return knownOrNeutral(terms.get(i - 1), term.charAt(0), true, weighted)
                && knownOrNeutral(terms.get(i + 1), term.charAt(1), false, weighted);
    }

    private static boolean knownOrNeutral(String neighbour, char shared, boolean left,
            Map<String, WeightedTerm> weighted) {
        if (neighbour.length() != 2 || neighbour.charAt(left ? 1 : 0) != shared) {
            return false; // not the overlapping neighbour in the same run of characters
        }
        WeightedTerm w = weighted.get(neighbour);
        return w == null || w.idf() > 0;
    }

    private static String key(RetrievedPassage passage, int line) {
        TranscriptLine l = passage.chunk().lines().get(line);
        return passage.chunk().source() + '#' + l.lineNumber() + '#' + l.text();
    }

    private record Candidate(RetrievedPassage passage, int index, int rank, double ownShare, double windowCoverage) {
        String text() {
            return passage.chunk().lines().get(index).text();
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double massOf(Set<String> terms, Map<String, Double> mass) {
        double sum = 0;
        for (String term : terms) {
            Double m = mass.get(term);
            if (m != null) {
                sum += m;
            }
        }
        return sum;
    }

    private static boolean overlaps(ScoredLine line, List<ScoredLine> chosen) {
        for (ScoredLine other : chosen) {
            int a = line.passage().chunk().lines().get(line.index()).lineNumber();
            int b = other.passage().chunk().lines().get(other.index()).lineNumber();
            if (line.passage().chunk().source().equals(other.passage().chunk().source()) && Math.abs(a - b) <= 2) {
                return true;
            }
        }
        return false;
    }
}
