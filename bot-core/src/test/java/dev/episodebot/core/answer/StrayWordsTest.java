package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Language;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is taken out of a question before it is searched, with a small fixed knowledge and dictionary. */
class StrayWordsTest {

    /** Words the (Chinese) knowledge uses. */
    private static final Set<String> KNOWN = Set.of("reka", "yi", "tay", "google", "团队");
    /** Lower-case common English words, and what the knowledge uses for them. */
    private static final Map<String, String> COMMON = Map.of("alert", "", "team", "团队", "weather", "");

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', value = {
            "<b>Reka</b> 融了多少钱？ | Reka 融了多少钱？",
            "alert Reka 的技术团队有多少人？ | Reka 的技术团队有多少人？",
            "hello 😀 Yi Tay 在谷歌发了多少论文 | Yi Tay 在谷歌发了多少论文",
            "你好，请问 Reka 有几个人 | Reka 有几个人",
            "Reka 的 team 有多大 | Reka 的 团队 有多大",
            "Tesla 的 CEO 是谁 | Tesla 的 CEO 是谁",
            "Reka 融了多少钱？谢谢 | Reka 融了多少钱？"})
    void strayWordsAreTakenOutNamesStay(String question, String cleaned) {
        // GIVEN a Chinese question with HTML, an emoji, a greeting or a stray English word
        // WHEN it is cleaned
        StrayWords.Cleaned result = StrayWords.clean(question, Language.ZH, w -> KNOWN.contains(w.toLowerCase()),
                COMMON::containsKey, w -> COMMON.getOrDefault(w, ""));

        // THEN what is left is the question (spaces aside); a capitalised unknown word is a name and stays
        assertThat(result.text().replaceAll("\\s+", "")).isEqualTo(cleaned.replaceAll("\\s+", ""));
    }
}
