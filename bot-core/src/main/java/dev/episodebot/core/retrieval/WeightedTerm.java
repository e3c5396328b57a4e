package dev.episodebot.core.retrieval;

/**
 * An analysed query term and how much it says.
 *
 * @param term the analysed term (a CJK bigram or a stemmed word)
 * @param weight how much the term counts (question words and particle bigrams count less or not at all)
 * @param idf its inverse document frequency over the chunks (0 when no chunk holds it)
 */
public record WeightedTerm(String term, double weight, double idf) {}
