package dev.episodebot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link DiscordMarkdown#escape(String)}. */
class DiscordMarkdownTest {

    @Test
    void escapesInlineFormatting() {
        // GIVEN text with characters Discord would format
        // WHEN escaped
        // THEN each gets a backslash
        assertThat(DiscordMarkdown.escape("a *b* _c_ ~~d~~ ||e|| `f` [g](h) \\"))
                .isEqualTo("a \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\|\\|e\\|\\| \\`f\\` \\[g\\](h) \\\\");
    }

    @Test
    void escapesLineStartsOnly() {
        // GIVEN headings, quotes and bullets at line starts and inside lines
        // WHEN escaped
        // THEN only the line starts are escaped
        assertThat(DiscordMarkdown.escape("# title\n> quote\n- item\n-# small\na - b > c # d"))
                .isEqualTo("\\# title\n\\> quote\n\\- item\n\\-# small\na - b > c # d");
    }

    @Test
    void keepsWebAddressesClickableWithoutPreviewsAndCjkAlone() {
        // GIVEN a URL with underscores and Chinese text
        // WHEN escaped
        // THEN the URL is unchanged inside <…> (no unfurl), the Chinese text unchanged
        assertThat(DiscordMarkdown.escape("看 https://example.com/a_b_c?t=1*2 吧"))
                .isEqualTo("看 <https://example.com/a_b_c?t=1*2> 吧");
    }
}
