package dev.episodebot.core.answer;

import dev.episodebot.core.index.IndexView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The searches one question makes, fused by retrieval: the question itself (its stray words
 * out), its translation into the knowledge's language (or, for a question in the knowledge's
 * language with a few common words of another in it, the question with those words translated),
 * and — for a follow-up — the question read together with the previous one.
 *
 * @param queries searched on both sides (dense and BM25), the question first
 * @param denseOnly searched on the dense side only (the user's words beside an LLM's translation)
 * @param evidenceQueries what the evidence lines are compared with
 * @param vocabularyShare for a question in another language, the share of its words the knowledge uses; 1 otherwise
 * @param previous the turn the question follows up on, or null
 * @param unstatedAttribute for a question in another language, the words of its asked slot
 *     ({@link ForeignAttribute}) that the offline translation finds no word of the knowledge for
 */
record QueryPlan(List<String> queries, List<String> denseOnly, List<String> evidenceQueries, double vocabularyShare,
        PreviousTurn previous, List<String> unstatedAttribute) {

    QueryPlan {
        queries = List.copyOf(queries);
        denseOnly = List.copyOf(denseOnly);
        evidenceQueries = List.copyOf(evidenceQueries);
        unstatedAttribute = List.copyOf(unstatedAttribute);
    }

    /** With an LLM's translation: it speaks the knowledge's language; the question's own words only help the dense side. */
    static QueryPlan translated(QuestionAnalysis question, String translation) {
        return new QueryPlan(List.of(translation), List.of(question.text()), List.of(translation, question.text()), 1, null,
                List.of());
    }

    /** Without an LLM: the question, its offline translation, and the follow-up read with {@code previous} (may be null). */
    static QueryPlan of(QuestionAnalysis question, IndexView index, QueryTranslator dictionary, PreviousTurn previous) {
        List<String> queries = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        queries.add(question.text());
        evidence.add(question.text());
        double vocabularyShare = 1;
        List<String> unstated = List.of();
        if (question.crossLanguage()) {
            Optional<QueryTranslator.Translation> t = dictionary.translate(question.text(), index);
            if (t.isPresent()) {
                vocabularyShare = t.get().vocabularyShare();
                addIfAny(t.get().query(), queries, evidence);
                List<String> untranslated = t.get().untranslated();
                unstated = ForeignAttribute.of(question.text()).stream().filter(untranslated::contains).toList();
            }
        } else {
            dictionary.mixedQuery(question.text(), index).ifPresent(q -> addIfAny(q, queries, evidence));
        }
        if (previous != null) {
            String together = previous.question() + " " + question.text();
            addIfAny(together, queries, evidence);
            if (question.crossLanguage()) {
                dictionary.translate(together, index).ifPresent(t -> addIfAny(t.query(), queries, evidence));
            }
        }
        return new QueryPlan(queries, List.of(), evidence, vocabularyShare, previous, unstated);
    }

    private static void addIfAny(String query, List<String> queries, List<String> evidence) {
        if (!query.isBlank() && !queries.contains(query)) {
            queries.add(query);
            evidence.add(query);
        }
    }
}
