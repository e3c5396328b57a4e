package dev.episodebot.core.answer;

import dev.episodebot.core.index.IndexView;
import java.util.Optional;

/** Translates a question into the knowledge's language, so retrieval can match the transcript's words. */
public interface QueryTranslator {

    /**
     * A translation of the question for searching, or empty when none is possible or needed.
     *
     * @param question the user's question (already standalone)
     * @param index the knowledge it will be searched in (its vocabulary and language)
     */
    Optional<Translation> translate(String question, IndexView index);

    /**
     * @param query the translated query
     * @param vocabularyShare the share of the question's content words that the knowledge uses
     *     (directly, like a name, or through a translation); 1 when unknown
     */
    record Translation(String query, double vocabularyShare) {}

    /** No translation. */
    static QueryTranslator none() {
        return (question, index) -> Optional.empty();
    }
}
