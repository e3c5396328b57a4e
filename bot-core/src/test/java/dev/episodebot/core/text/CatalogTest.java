package dev.episodebot.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.episodebot.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The zh/en catalog: complete in both languages, valid patterns, plurals in the catalog. */
class CatalogTest {

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CatalogTest.class.getResourceAsStream("/dev/episodebot/core/text/" + resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void bothLanguagesHaveExactlyTheKeysOfUiText() throws IOException {
        // GIVEN the two bundles and the keys the code uses
        Set<String> used = Stream.of(UiText.values()).map(UiText::key).collect(Collectors.toCollection(TreeSet::new));

        // THEN each bundle holds exactly those keys: none missing, none left over
        assertThat(keys("messages.properties")).isEqualTo(used);
        assertThat(keys("messages_zh.properties")).isEqualTo(used);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyPatternFormatsAndQuotesNoApostropheByAccident(Language language) {
        for (UiText text : UiText.values()) {
            String pattern = Catalog.pattern(language, text);
            // a lone ' starts a MessageFormat quote and would swallow the rest of the text
            assertThat(pattern.replace("''", "")).as(text.key()).doesNotContain("'");
            assertThatCode(() -> Catalog.text(language, text, 1, 2, 3, 4, 5, 6, 7)).as(text.key())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void englishPluralsAreRulesOfTheCatalog() {
        assertThat(Catalog.text(Language.EN, UiText.SOURCES_ENTRY, "Ep", "ep.txt", 1)).isEqualTo("Ep — ep.txt (1 chunk)");
        assertThat(Catalog.text(Language.EN, UiText.SOURCES_ENTRY, "Ep", "ep.txt", 2)).isEqualTo("Ep — ep.txt (2 chunks)");
        assertThat(Catalog.text(Language.EN, UiText.SOURCES_ENTRY, "Ep", "ep.txt", 20_000))
                .isEqualTo("Ep — ep.txt (20,000 chunks)");
        assertThat(Catalog.text(Language.EN, UiText.STATUS_KNOWLEDGE, 1, 1, "m")).startsWith("Knowledge: 1 file, 1 chunk;");
        assertThat(Catalog.text(Language.ZH, UiText.SOURCES_ENTRY, "节目", "ep.txt", 1)).isEqualTo("节目 — ep.txt（1 个片段）");
    }

    @Test
    void textsTheAdaptersOnceWroteThreeWaysAreOneTextNow() {
        // the thanks, the sources heading and the apology are single catalog entries per language
        assertThat(Catalog.text(Language.ZH, UiText.FEEDBACK_THANKS)).isEqualTo("感谢反馈！");
        assertThat(Catalog.text(Language.ZH, UiText.ANSWER_SOURCES)).isEqualTo("来源");
        assertThat(Catalog.text(Language.EN, UiText.ERROR)).isEqualTo("Sorry, something went wrong while answering. Please try again.");
        assertThat(Catalog.text(Language.EN, UiText.NOT_COVERED)).contains("doesn't");
    }

    @Test
    void displayShortensHugeNamesCheaplyAndOnWholeCodePoints() {
        String huge = "标题".repeat(300_000); // 600,000 characters
        assertThat(Display.title(huge)).hasSize(Display.TITLE).endsWith("…");
        assertThat(Display.shorten("a\n\tb   c", 10)).isEqualTo("a b c");
        assertThat(Display.shorten("😀".repeat(10), 5)).isEqualTo("😀😀😀😀…");
        assertThat(Display.shorten(null, 5)).isEmpty();
    }
}
