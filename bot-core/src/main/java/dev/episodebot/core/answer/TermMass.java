package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.retrieval.StopWords;
import dev.episodebot.core.retrieval.WeightedTerm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much each term of a question weighs (its weight times its IDF in the knowledge), so that the
 * share of the question a line or a window holds can be measured — for each reading of the question
 * (its own words, a translation, a follow-up read with the previous question), the best reading
 * counting.
 *
 * <p>Terms the knowledge never uses weigh as much as the rarest term when the reading is in the
 * knowledge's script (they are what the question asks about and the episode does not say), nothing
 * otherwise — except a Chinese bigram that straddles two known words (祥物|阿福 → 物阿): character
 * bigrams make such junk at every word boundary, and it says nothing about coverage.
 *
 * <p>Besides the share of the whole, a window is measured by its weakest key phrase: a question
 * asks about several things at once (Snowflake, CEO), and a window that holds one of them fully
 * and the other not at all does not answer it.
 */
final class TermMass {

    /** One reading: its terms' masses, and its key phrases' terms. */
    private record Reading(Map<String, Double> mass, double total, double unknownShare, List<Set<String>> phrases,
            List<Double> phraseTotals, double weight) {}

    /** What a reading in another language than the knowledge counts for beside a translation. */
    static final double FOREIGN_READING = 0.3;

    /** A key phrase counts towards the weakest one when it carries at least this share of the question's mass. */
    static final double SIGNIFICANT = 0.2;

    private final List<Reading> readings;

    private TermMass(List<Reading> readings) {
        this.readings = List.copyOf(readings);
    }

    /** The mass of each of {@code queries} (the question and its variants) over the knowledge of {@code lexical}. */
    static TermMass of(List<String> queries, LexicalSearcher lexical, Language knowledge) {
        // a reading in another language holds only the words it shares with the knowledge (Yi Tay,
        // Google, LLM_API_KEY): beside a translation, which speaks for the rest, it counts half
        boolean translated = queries.stream().anyMatch(q -> Language.detect(q) == knowledge);
        List<Reading> readings = new ArrayList<>();
        for (String query : queries) {
            boolean foreign = translated && Language.detect(query) != knowledge;
            readings.add(reading(query, lexical, knowledge, foreign ? FOREIGN_READING : 1));
        }
        return new TermMass(readings);
    }

    private static Reading reading(String query, LexicalSearcher lexical, Language knowledge, double weight) {
        boolean sameScript = Language.detect(query) == knowledge;
        double unknownIdf = lexical.maxIdf();
        Map<String, Double> mass = new HashMap<>();
        double known = 0;
        double unknown = 0;
        List<Set<String>> phrases = new ArrayList<>();
        List<Double> phraseTotals = new ArrayList<>();
        for (String phrase : StopWords.keyPhrases(query, bigram -> lexical.idf(bigram) > 0)) {
            if (phrase.codePointCount(0, phrase.length()) == 1 && Language.isCjk(phrase.codePointAt(0))) {
                continue; // a lone ideograph is no phrase (and the index has it only where it stands alone)
            }
            List<String> terms = lexical.terms(phrase);
            Map<String, WeightedTerm> weighted = new HashMap<>();
            for (WeightedTerm term : lexical.queryTerms(phrase)) {
                weighted.put(term.term(), term);
            }
            Set<String> phraseTerms = new HashSet<>();
            double phraseTotal = 0;
            for (int i = 0; i < terms.size(); i++) {
                WeightedTerm term = weighted.get(terms.get(i));
                if (term == null || !phraseTerms.add(term.term())) {
                    continue;
                }
                double m;
                if (term.idf() > 0) {
                    m = term.weight() * term.idf();
                    if (mass.putIfAbsent(term.term(), m) == null) {
                        known += m;
                    }
                } else if (sameScript && !straddlesKnownWords(terms, i, weighted)) {
                    m = term.weight() * unknownIdf;
                    if (mass.putIfAbsent(term.term(), 0.0) == null) {
                        unknown += m;
                    }
                } else {
                    continue;
                }
                phraseTotal += m;
            }
            if (phraseTotal > 0) {
                phrases.add(phraseTerms);
                phraseTotals.add(phraseTotal);
            }
        }
        double total = known + unknown;
        return new Reading(mass, total, total <= 0 ? 0 : unknown / total, phrases, phraseTotals, weight);
    }

    /** The share (0..1) of the question's mass that {@code terms} hold, in the reading they cover best. */
    double share(Collection<String> terms) {
        Set<String> set = terms instanceof Set<String> s ? s : new HashSet<>(terms);
        double best = 0;
        for (Reading r : readings) {
            if (r.total() <= 0) {
                continue;
            }
            double sum = 0;
            for (Map.Entry<String, Double> e : r.mass().entrySet()) {
                if (set.contains(e.getKey())) {
                    sum += e.getValue();
                }
            }
            best = Math.max(best, r.weight() * Math.min(1, sum / r.total()));
        }
        return best;
    }

    /**
     * How well {@code terms} hold the reading's weakest key phrase (0..1), in the reading they hold
     * best: 1 when every phrase is there, 0 when one is missing entirely.
     */
    double weakestPhrase(Collection<String> terms) {
        Set<String> set = terms instanceof Set<String> s ? s : new HashSet<>(terms);
        double best = 0;
        for (Reading r : readings) {
            if (r.phrases().isEmpty()) {
                continue;
            }
            double weakest = 1;
            for (int p = 0; p < r.phrases().size(); p++) {
                if (r.phraseTotals().get(p) < SIGNIFICANT * r.total()) {
                    continue; // a frequent word (the episode's own subject) need not stand next to every fact
                }
                double held = 0;
                for (String term : r.phrases().get(p)) {
                    if (set.contains(term)) {
                        held += r.mass().getOrDefault(term, 0.0);
                    }
                }
                weakest = Math.min(weakest, held / r.phraseTotals().get(p));
            }
            best = Math.max(best, r.weight() * weakest);
        }
        return best;
    }

    /** The share of the question's mass the knowledge never uses, in its least unknown reading in the knowledge's script. */
    double unknownShare() {
        double least = 1;
        boolean any = false;
        for (Reading r : readings) {
            if (r.total() > 0) {
                least = Math.min(least, r.unknownShare());
                any = true;
            }
        }
        return any ? least : 0;
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

    private static boolean knownOrNeutral(String neighbour, char shared, boolean left, Map<String, WeightedTerm> weighted) {
        if (neighbour.length() != 2 || neighbour.charAt(left ? 1 : 0) != shared) {
            return false; // not the overlapping neighbour in the same run of characters
        }
        WeightedTerm w = weighted.get(neighbour);
        return w == null || w.idf() > 0;
    }
}
