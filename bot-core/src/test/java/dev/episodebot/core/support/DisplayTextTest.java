package dev.episodebot.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text shown on a chat app or a terminal: no escape sequences, bidi controls or NULs; names shortened. */
class DisplayTextTest {

    @Test
    void terminalEscapesBidiControlsAndNulsAreRemoved() {
        // GIVEN an LLM answer or a file name with ESC/CSI and OSC sequences, BEL, NUL, a bidi override
        String hostile = "答案\u001B[31m红\u001B[0m \u001B]0;pwned\u0007标题\u0000 evil\u202Etxt.exe\u2066x\u2069 "
                + "\u200Bzero\u009B1m line\u2028next\ttab\r\n";

        // WHEN it is cleaned
        String clean = DisplayText.clean(hostile);

        // THEN no control or format character is left but line breaks and tabs; the words are
        assertThat(clean).doesNotContain("\u001B", "\u0007", "\u0000", "\u202E", "\u2066", "\u2069", "\u200B",
                "\u009B", "\r");
        assertThat(clean).contains("答案", "红", "标题", "evil", "txt.exe", "zero", "line\nnext\ttab\n");
        assertThat(clean.codePoints().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t')).isEmpty();
    }

    @Test
    void emojiSequencesAndOrdinaryTextStay() {
        String text = "👩‍💻 写代码 — naïve café, 第 12–14 行\n下一行";
        assertThat(DisplayText.clean(text)).isEqualTo(text);
    }

    @Test
    void namesAreShortenedToOneLine() {
        // GIVEN a 600,000-character title with line breaks
        String title = ("很长的标题\n" + "长".repeat(100)).repeat(6000);

        // WHEN it is prepared for display
        String name = DisplayText.name(title);

        // THEN it is one line of MAX_NAME code points, its beginning and its end around an ellipsis
        assertThat(name.codePointCount(0, name.length())).isEqualTo(DisplayText.MAX_NAME);
        assertThat(name).doesNotContain("\n").contains("…").startsWith("很长的标题 长").endsWith("长长长");
        assertThat(DisplayText.name("season-1/" + "x".repeat(300) + "-episode-17.txt")).endsWith("-episode-17.txt");
    }
}
