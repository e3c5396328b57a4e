package dev.episodebot.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake's validator must be strict, or "Telegram accepted the markup" would prove nothing. */
class FakeHtmlTest {

    @Test
    void acceptsTheTagsAndEntitiesTelegramKnows() throws Exception {
        // GIVEN well-formed Telegram HTML WHEN parsed THEN the shown text comes back
        assertThat(FakeHtml.toPlain("<b>x &lt; y</b> <a href=\"https://e.x/?a=1&amp;b=2\">l</a> &quot;q&quot; "
                + "<i>i</i><code>c</code><pre>p</pre><blockquote>q</blockquote>"))
                .isEqualTo("x < y l \"q\" icpq");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a < b", "a > b", "a & b", "<script>x</script>", "<b>open", "</b>", "<b><i>x</b></i>",
            "&nbsp;", "&#60;", "<a>x</a>", "<a href='x'>x</a>", "<b class=\"x\">y</b>", "<a href=\"x\"><a href=\"y\">"
                    + "z</a></a>"})
    void rejectsWhatTelegramWouldNot(String html) {
        // GIVEN broken or unsupported markup WHEN parsed THEN it is refused like Telegram does
        assertThatThrownBy(() -> FakeHtml.toPlain(html))
                .isInstanceOf(FakeHtml.HtmlException.class)
                .hasMessageContaining("at byte offset");
    }
}
