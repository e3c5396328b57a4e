package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bundled word list read backwards: a Chinese word's synonyms are the words sharing one of its English meanings. */
class DictionarySynonymsTest {

    @Test
    void aChineseWordFindsTheWordsThatShareOneOfItsMeanings() {
        // GIVEN the bundled word list
        DictionaryQueryTranslator dictionary = DictionaryQueryTranslator.load();

        // WHEN a known word, a word with one meaning and a string that is no word are looked up
        Map<String, Set<String>> synonyms = dictionary.synonyms(List.of("老婆", "市值", "的了吗"));

        // THEN the known words come with their synonyms (themselves included), the non-word with nothing
        assertThat(synonyms.get("老婆")).contains("老婆", "妻子");
        assertThat(synonyms.get("市值")).contains("市值");
        assertThat(synonyms).doesNotContainKey("的了吗");
        assertThat(QueryTranslator.none().synonyms(List.of("老婆"))).isEmpty();
    }
}
