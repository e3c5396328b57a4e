package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The phrase entries a word of the offline dictionary stands in, its fallback translations. */
class DictionaryPhrasesTest {

    private static final List<String> KEYS = List.of("keynote", "keynote speech", "a keynote speech", "give a keynote speech",
            "put on weight", "weight", "body weight", "a b c d", "of the");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // shortest phrase first; one of four words is left out
            "keynote | keynote speech,a keynote speech",
            "weight | body weight,put on weight",
            // a phrase of more than three words is left out
            "d | ''",
            // stop words index no phrase
            "the | ''"})
    void phrasesOfAWord(String word, String phrases) {
        // GIVEN dictionary keys WHEN they are indexed by word THEN a word finds the short phrases that hold it
        Map<String, List<String>> index = DictionaryQueryTranslator.phrasesOf(KEYS);
        List<String> expected = phrases == null || phrases.isBlank() ? List.of() : List.of(phrases.split(","));
        assertThat(index.getOrDefault(word, List.of())).containsExactlyElementsOf(expected);
    }
}
