package dev.episodebot.telegram.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.telegram.fake.FakeHtml;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyRendererTest {

    final ReplyRenderer renderer = new ReplyRenderer();

    @Test
    void escapesTheTextAndKeepsItsLines() throws Exception {
        // GIVEN a reply with markup-like text over two paragraphs
        BotReply reply = BotReply.info("Use <b> & </b>\nlike so\n\n\n  \nnext", Language.EN);

        // WHEN rendered
        List<MessagePart> parts = renderer.render(reply);

        // THEN the text reads unchanged, with blank lines collapsed to one paragraph break
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).html()).isEqualTo("Use &lt;b&gt; &amp; &lt;/b&gt;\nlike so\n\nnext");
        assertThat(FakeHtml.toPlain(parts.get(0).html())).isEqualTo(parts.get(0).plain());
    }

    @Test
    void listsCitationsCompactlyWithLinksWhenTheCoreHasThem() throws Exception {
        // GIVEN an English answer citing a timecoded passage with a URL and a file without one
        Citation timed = new Citation("ep1.txt", 3, 5, "00:01:02", "00:01:10",
                "https://youtu.be/x?t=62&si=1", "Reka has about fifteen people. " + "And more. ".repeat(20), "Ep 1");
        Citation plain = new Citation("notes.md", 7, 7, null, null, null, "", null);
        BotReply reply = new BotReply("r1", "About 15.", List.of(timed, plain), true, Language.EN, ReplyKind.ANSWER);

        // WHEN rendered
        MessagePart part = renderer.render(reply).get(0);

        // THEN a numbered list follows the answer: linked label and a short quote, then the bare label
        assertThat(part.html()).isEqualTo("About 15.\n\n<b>Sources</b>\n"
                + "1. <a href=\"https://youtu.be/x?t=62&amp;si=1\">ep1.txt L3-5 @00:01:02</a> <i>“"
                + ReplyRenderer.excerpt(timed.quote()) + "”</i>\n"
                + "2. notes.md L7");
        assertThat(ReplyRenderer.excerpt(timed.quote())).hasSize(80).endsWith("…");
        assertThat(FakeHtml.toPlain(part.html())).startsWith("About 15.\n\nSources\n1. ep1.txt L3-5 @00:01:02 “Reka");
        assertThat(part.plain()).contains("1. ep1.txt L3-5 @00:01:02 (https://youtu.be/x?t=62&si=1) “Reka");
    }

    @Test
    void linksOnlyWebUrls() {
        // GIVEN a citation whose URL is not a web link
        Citation odd = new Citation("a.txt", 1, 1, null, null, "javascript:alert(1)", "", null);

        // WHEN rendered THEN the label is not linked
        assertThat(ReplyRenderer.citationLine(1, odd).html()).isEqualTo("1. a.txt L1");
    }

    @Test
    void headsChineseRepliesInChinese() {
        // GIVEN a Chinese answer with a citation
        BotReply reply = new BotReply("r1", "大约 15 人。", List.of(new Citation("a.txt", 1, 1, null, null, null,
                "", null)), true, Language.ZH, ReplyKind.ANSWER);

        // WHEN rendered THEN the list is headed 来源
        assertThat(renderer.render(reply).get(0).plain()).isEqualTo("大约 15 人。\n\n来源\n1. a.txt L1");
    }

    @Test
    void neverSendsAnEmptyMessage() {
        // GIVEN an empty reply WHEN rendered THEN something visible is sent
        assertThat(renderer.render(BotReply.info("  \n ", Language.EN))).containsExactly(new MessagePart("…", "…"));
    }
}
