package dev.episodebot.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** User text is made safe before it is processed. */
class InputCleanerTest {

    @Test
    void controlCharactersAndNulBecomeSpacesAndRunsCollapse() {
        // GIVEN text with NUL, tabs, new lines and repeated spaces
        // WHEN it is cleaned
        String cleaned = InputCleaner.clean("  Reka\u0000的\t\t技术团队\r\n有多少人？   ");

        // THEN there is no control character, single spaces only, nothing at the ends
        assertThat(cleaned).isEqualTo("Reka 的 技术团队 有多少人？");
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreRemoved() {
        // GIVEN text with a right-to-left override, zero-width space and BOM
        // WHEN it is cleaned
        String cleaned = InputCleaner.clean("\u202Eabc\u200Bdef\uFEFF");

        // THEN they are gone
        assertThat(cleaned).isEqualTo("abcdef");
    }

    @Test
    void combiningMarkFloodsAreCutToTwoPerCharacter() {
        // GIVEN "Zalgo" text: a letter with 30 combining marks
        String zalgo = "x" + "\u0301\u0302\u0303".repeat(10) + "y";

        // WHEN it is cleaned
        String cleaned = InputCleaner.clean(zalgo);

        // THEN at most two marks survive
        assertThat(cleaned).isEqualTo("x\u0301\u0302y");
    }

    @Test
    void textIsNormalisedToNfc() {
        // GIVEN a decomposed é
        // WHEN it is cleaned
        // THEN it is the composed character
        assertThat(InputCleaner.clean("Cafe\u0301")).isEqualTo("Café");
    }

    @Test
    void nullIsEmpty() {
        // GIVEN no text
        // WHEN / THEN it cleans to the empty string
        assertThat(InputCleaner.clean(null)).isEmpty();
    }
}
