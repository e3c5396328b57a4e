package dev.episodebot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MessageSplitter#split(String, int)}. */
class MessageSplitterTest {

    @Test
    void keepsShortTextsWhole() {
        // GIVEN / WHEN a short text, and a blank one
        // THEN one part, and none
        assertThat(MessageSplitter.split("  Hello **world**  ", 2000)).containsExactly("Hello \\*\\*world\\*\\*");
        assertThat(MessageSplitter.split(" \n ", 2000)).isEmpty();
    }

    @Test
    void cutsAtParagraphsThenLinesThenSentences() {
        // GIVEN texts that do not fit in 40 characters
        // WHEN split
        // THEN the cut is at the nicest boundary in reach
        assertThat(MessageSplitter.split("First paragraph here.\n\nSecond paragraph here.", 40))
                .containsExactly("First paragraph here.", "Second paragraph here.");
        assertThat(MessageSplitter.split("Line one is a bit longer here\nline two is here too", 40))
                .containsExactly("Line one is a bit longer here", "line two is here too");
        assertThat(MessageSplitter.split("这是第一句话，比较长一些。这是第二句话，也比较长一些。这是第三句，它也不短。", 20))
                .containsExactly("这是第一句话，比较长一些。", "这是第二句话，也比较长一些。", "这是第三句，它也不短。");
    }

    @Test
    void measuresAfterEscapingAndNeverSplitsAnEscape() {
        // GIVEN a text that doubles in length when escaped
        String stars = "*".repeat(2500);

        // WHEN split for Discord
        List<String> parts = MessageSplitter.split(stars, 2000);

        // THEN every part fits, and every part is whole escapes
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(2000);
            assertThat(part).matches("(\\\\\\*)+");
        });
        assertThat(String.join("", parts)).hasSize(5000);
    }

    @Test
    void neverSplitsASurrogatePair() {
        // GIVEN emoji with no spaces
        String emoji = "😀".repeat(1500);

        // WHEN split
        List<String> parts = MessageSplitter.split(emoji, 2000);

        // THEN each part has whole emoji only
        assertThat(parts).allSatisfy(part -> assertThat(part.codePoints()).allMatch(cp -> cp == 0x1F600));
        assertThat(String.join("", parts)).isEqualTo(emoji);
    }
}
