package dev.episodebot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // names in the other script do not decide: the grammar words do
            "Google DeepMind 的 CEO 是谁？| ZH",
            "What does 杨植麟 do now? | EN",
            "alert Reka 的技术团队有多少人？ | ZH",
            "Yi Tay 现在在哪 | ZH",
            "Who is 杨植麟? | EN",
            // plain text of one script
            "Reka 的技术团队有多少人？ | ZH",
            "How big is the Reka team? | EN",
            "团队 规模 人数 | ZH",
            "Snowflake | EN",
            // no grammar word on either side: the share of ideographs decides
            "PaLM 团队成员名单 | ZH",
            "Gemini Ultra PaLM Snowflake Reka 人 | EN"})
    void givenMixedScripts_whenDetected_thenTheGrammarWordsDecide(String text, Language expected) {
        // WHEN / THEN
        assertThat(Language.detect(text.strip())).isEqualTo(expected);
    }
}
