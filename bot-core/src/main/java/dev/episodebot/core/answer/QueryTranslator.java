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
     * For a question in the knowledge's language with some common words of another language in it,
     * the question with those words translated; empty when there are none or no dictionary.
     */
    default Optional<String> mixedQuery(String question, IndexView index) {
        return Optional.empty();
    }

    /**
     * Whether {@code word} (lower case) is a common word of the question's language rather than a
     * name: a lower-case word the dictionary knows. Without a dictionary nothing is (every unknown
     * word may be a name).
     */
    default boolean isCommonWord(String word) {
        return false;
    }

    /**
     * The words among {@code words} (Chinese words) that the dictionary knows, each with every word
     * that shares one of its meanings (老婆 → wife → 妻子, 老婆, 媳妇 …), itself included. Without a
     * dictionary none is known.
     */
    default java.util.Map<String, java.util.Set<String>> synonyms(java.util.Collection<String> words) {
        return java.util.Map.of();
    }

    /**
     * @param query the translated query
     * @param vocabularyShare the share of the question's content words that the knowledge uses
     *     (directly, like a name, or through a translation); 1 when unknown
     * @param untranslated the question's content words (lower case) that the knowledge uses neither
     *     as they are nor through any translation
     */
    record Translation(String query, double vocabularyShare, java.util.List<String> untranslated) {

        public Translation {
            untranslated = java.util.List.copyOf(untranslated);
        }

        public Translation(String query, double vocabularyShare) {
            this(query, vocabularyShare, java.util.List.of());
        }
    }

    /** A translator obtained on first use (a dictionary that is still loading is awaited then). */
    static QueryTranslator lazy(java.util.function.Supplier<? extends QueryTranslator> translator) {
        return new QueryTranslator() {
            @Override
            public Optional<Translation> translate(String question, IndexView index) {
                return translator.get().translate(question, index);
            }

            @Override
            public Optional<String> mixedQuery(String question, IndexView index) {
                // most questions have no such word: they never wait for the dictionary to load
                return DictionaryQueryTranslator.hasLowerCaseWord(question)
                        ? translator.get().mixedQuery(question, index) : Optional.empty();
            }

            @Override
            public boolean isCommonWord(String word) {
                return translator.get().isCommonWord(word);
            }

            @Override
            public java.util.Map<String, java.util.Set<String>> synonyms(java.util.Collection<String> words) {
                return translator.get().synonyms(words);
            }
        };
    }

    /** No translation. */
    static QueryTranslator none() {
        return (question, index) -> Optional.empty();
    }
}
