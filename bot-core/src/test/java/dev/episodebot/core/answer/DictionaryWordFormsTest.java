package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the bundled word list reads the forms of English words: inflections, measure questions,
 * words that name the show, hyphenated words, suffixed translations, and English words inside a
 * Chinese question.
 */
class DictionaryWordFormsTest {

    private static final String EPISODE = """
            大家好，欢迎收听本期播客
            特别感谢 swyx 邀请我参加 Latent Space 播客
            他花了大约 3.3 年的时间攻读博士学位
            不久前他回去了谷歌
            其中有16 篇是第一作者
            这些成就是由不到 15 人的技术团队完成的
            以及在越南峰会上进行了技术性的分享
            而他则担任 Reka AI 的联合创始人兼首席科学家
            我学到了很多关于创业的知识
            """;

    @TempDir
    static Path temp;
    private static IndexedEpisode episode;
    private static DictionaryQueryTranslator dictionary;

    @BeforeAll
    static void index() throws Exception {
        episode = IndexedEpisode.of(temp, EPISODE);
        dictionary = DictionaryQueryTranslator.load();
    }

    @AfterAll
    static void close() throws Exception {
        episode.close();
    }

    private static List<String> translated(String question) {
        return List.of(dictionary.translate(question, episode.view()).orElseThrow().query().split(" "));
    }

    @ParameterizedTest(name = "{0} -> has {1}, not {2}")
    @CsvSource(delimiter = '|', value = {
            // question | a word the translation holds | a word it must not hold
            "Which podcast was he on? | 播客 | ''",                  // a podcast: something in the episode
            "How many first-author papers did he write? | 第一作者 | ''", // the hyphenated word as a phrase
            "How big was the technical team? | 技术 | 技术性",          // the stem, not the suffix's rare bigram
            "Is he going back to Google? | 回去 | ''",                 // going back → go back, a phrase entry
    })
    void translatesTheWordForms(String question, String has, String hasNot) {
        // GIVEN a Chinese episode and the bundled word list
        // WHEN an English question is translated
        List<String> words = translated(question);

        // THEN the form the episode uses is searched, and the misleading one is not
        assertThat(words).contains(has);
        if (!hasNot.isEmpty()) {
            assertThat(words).doesNotContain(hasNot);
        }
    }

    @Test
    void aMeasureQuestionDoesNotTranslateItsMeasureWord() {
        // GIVEN "long" means 不久 in the dictionary and the episode says 不久前
        // WHEN the question asks "how long"
        QueryTranslator.Translation t = dictionary.translate("How long did his PhD take?", episode.view()).orElseThrow();

        // THEN "long" is the question's measure, not a word to search, nor one left untranslated
        assertThat(t.query()).doesNotContain("不久").contains("博士");
        assertThat(t.untranslated()).doesNotContain("long");
    }

    @Test
    void theShowItselfIsNotSearched() {
        // GIVEN the episode says 播客 once about the show and once about another podcast
        // WHEN the question names "this podcast"
        List<String> words = translated("Who is thanked in this podcast?");

        // THEN 播客 is not a search word
        assertThat(words).doesNotContain("播客");
    }

    @Test
    void irregularPastFormsFoldToTheirVerb() {
        // GIVEN "went back" (go back → 回去)
        // WHEN translated
        List<String> words = translated("When he went back to Google?");

        // THEN the verb's translation is found
        assertThat(words).contains("回去");
        assertThat(DictionaryQueryTranslator.baseForms("went")).contains("go");
        assertThat(DictionaryQueryTranslator.baseForms("getting")).contains("get");
        assertThat(DictionaryQueryTranslator.baseForms("smallest")).contains("small");
    }

    @Test
    void theEnglishWordsOfAChineseQuestionAreTranslated() {
        // GIVEN a Chinese question with a common English word the episode does not use
        // WHEN its mixed query is made
        String query = dictionary.mixedQuery("Reka 的 co-founder 是谁", episode.view()).orElseThrow();

        // THEN the word is replaced by the episode's word for it, and names stay
        assertThat(query).contains("创始人").contains("Reka").doesNotContain("co-founder");
        assertThat(dictionary.mixedQuery("Reka 的首席科学家是谁", episode.view())).isEmpty();
        assertThat(dictionary.mixedQuery("Which podcast was he on?", episode.view())).isEmpty();
    }
}
