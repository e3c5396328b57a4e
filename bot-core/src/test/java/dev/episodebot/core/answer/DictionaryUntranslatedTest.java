package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The words of an English question the bundled word list finds no word of the knowledge for, and
 * which of them stand in the question's asked slot ({@link ForeignAttribute}).
 */
class DictionaryUntranslatedTest {

    private static final String EPISODE = """
            Reka 公司分批融资了超过 1 亿美元
            重新向我之前的主管汇报工作
            他的妻子怀上了第一个孩子
            """;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} -> untranslated [{1}], unstated slot [{2}]")
    @CsvSource(delimiter = '|', value = {
            // question | untranslated words | of them, in the asked slot
            "What is Reka's valuation right now? | valuation right now | valuation",
            "Who does Yi Tay report to? | yi tay | ''",           // names the knowledge does not use; no slot
            "What is the name of his wife? | name | ''",          // wife → 妻子; name asks for the type
    })
    void findsTheUntranslatedWords(String question, String untranslated, String unstated) throws Exception {
        try (IndexedEpisode episode = IndexedEpisode.of(temp, EPISODE)) {
            // GIVEN the bundled word list and a Chinese episode
            DictionaryQueryTranslator dictionary = DictionaryQueryTranslator.load();

            // WHEN an English question is translated
            QueryTranslator.Translation t = dictionary.translate(question, episode.view()).orElseThrow();

            // THEN the words it found nothing for are kept, and the slot's among them are unstated
            assertThat(String.join(" ", t.untranslated())).isEqualTo(untranslated);
            assertThat(String.join(" ", ForeignAttribute.of(question).stream().filter(t.untranslated()::contains).toList()))
                    .isEqualTo(unstated);
        }
    }
}
