package dev.episodebot.telegram.render;

import static dev.episodebot.core.testing.ReplyFixtures.occurrences;
import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.Quote;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.render.MessagePart;
import dev.episodebot.core.testing.ReplyFixtures;
import dev.episodebot.telegram.fake.FakeHtml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Golden renderings of the structured reply as Telegram HTML. */
class ReplyRendererTest {

    final ReplyRenderer renderer = new ReplyRenderer();

    static List<ReplyFixtures.Fixture> fixtures() {
        return ReplyFixtures.all();
    }

    /** What the messages show, as Telegram (the strict fake) parses them. */
    static String visible(List<MessagePart> parts) throws FakeHtml.HtmlException {
        List<String> texts = new ArrayList<>();
        for (MessagePart part : parts) {
            texts.add(FakeHtml.toPlain(part.markup()));
        }
        return String.join("\n", texts);
    }

    @Test
    void aChineseFactAnswerIsTheQuoteWithItsAnsweringLineBoldAndOneCitationLine() throws Exception {
        // GIVEN the extractive answer to 「Reka 的技术团队有多少人？」
        // WHEN rendered
        List<MessagePart> parts = renderer.render(ReplyFixtures.chineseFact());

        // THEN one message: the intro, the blockquote with line 114 bold, one compact citation line
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).markup()).isEqualTo("节目里是这样说的：\n"
                + "<blockquote>此外\n<b>这些成就是由不到 15 人的技术团队完成的</b>\n个人层面\n这对我来说是一个极为紧张的时期</blockquote>\n"
                + "<i>—— episode-yi-tay-returns-to-google.txt · 第 113–116 行</i>");
        assertThat(occurrences(visible(parts), "不到 15 人")).isEqualTo(1);
    }

    @Test
    void anEnglishQuestionOverChineseKnowledgeIsFramedInEnglish() throws Exception {
        // GIVEN the same evidence for an English question, with the episode's title
        List<MessagePart> parts = renderer.render(ReplyFixtures.englishOverChinese());

        // THEN the intro says the quote is in the original language, the citation line is English
        assertThat(parts.get(0).markup()).startsWith("Here is what the episode says (quoted in its original language):\n"
                + "<blockquote>此外\n<b>这些成就是由不到 15 人的技术团队完成的</b>")
                .endsWith("<i>— Yi Tay 重返 Google DeepMind · lines 113–116</i>");
    }

    @Test
    void aListAnswerNumbersItsItemsEachWithItsLinkedCitation() throws Exception {
        // GIVEN a list answer with three items, each a timecoded line with a link
        List<MessagePart> parts = renderer.render(ReplyFixtures.listOfThree());

        // THEN the lead, then each item bold under its number with one citation line, the timecode linked
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).markup()).isEqualTo("节目提到了三位回到大厂的人 [1][2][3]：\n"
                + "1. <b>Mustafa Suleyman 加入了微软</b>\n"
                + "<i>[1] —— Yi Tay 重返谷歌 · 第 195 行 · <a href=\"https://www.youtube.com/watch?v=abc&amp;t=195\">00:12:05</a></i>\n"
                + "2. <b>David Luan 回到了亚马逊</b>\n"
                + "<i>[2] —— Yi Tay 重返谷歌 · 第 199 行 · <a href=\"https://www.youtube.com/watch?v=abc&amp;t=199\">00:12:31</a></i>\n"
                + "3. <b>Noam Shazeer 重返谷歌</b>\n"
                + "<i>[3] —— Yi Tay 重返谷歌 · 第 203 行 · <a href=\"https://www.youtube.com/watch?v=abc&amp;t=203\">00:12:58</a></i>");
    }

    @Test
    void aNotCoveredAnswerQuotesNothing() throws Exception {
        List<MessagePart> parts = renderer.render(ReplyFixtures.notCovered());
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).markup()).doesNotContain("<blockquote>", "<b>", "<a ")
                .isEqualTo(ReplyFixtures.notCovered().lead());
    }

    @Test
    void hostileTranscriptTextIsEscapedAndShownAsWritten() throws Exception {
        // GIVEN an answer quoting lines full of tags, entities and mentions, from a file with an odd name
        BotReply reply = ReplyFixtures.hostile();

        // WHEN rendered
        List<MessagePart> parts = renderer.render(reply);

        // THEN Telegram accepts the HTML and shows every line exactly as written, the link's & escaped
        String html = parts.get(0).markup();
        assertThat(html).contains("<b>@everyone @here")
                .contains("&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;script&gt;")
                .contains("<a href=\"https://example.com/watch?a=1&amp;b=&quot;2&quot;&amp;t=7\">00:00:07–00:00:19</a>");
        assertThat(visible(parts)).contains("— **Title** <i>@everyone</i> · lines 7–10 · 00:00:07–00:00:19");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyQuoteIsShownOnceWithItsAnsweringLineMarkedWithinTelegramsLimits(ReplyFixtures.Fixture fixture)
            throws Exception {
        // GIVEN a reply WHEN rendered
        List<MessagePart> parts = renderer.render(fixture.reply());

        // THEN every message is valid for Telegram's parser and within 4096 characters
        assertThat(parts).isNotEmpty().allSatisfy(p -> {
            assertThat(p.markup().length()).isLessThanOrEqualTo(ReplyRenderer.TELEGRAM_LIMIT);
            assertThat(FakeHtml.isValid(p.markup())).as(p.markup()).isTrue();
        });
        // AND every quoted line is shown exactly once, the answering line in bold
        String visible = visible(parts);
        String html = String.join("\n", parts.stream().map(MessagePart::markup).toList());
        for (Quote quote : fixture.reply().quotes()) {
            for (String line : quote.lines()) {
                assertThat(occurrences(visible, line)).as(line).isEqualTo(1);
            }
            if (quote.answerLine() >= 0) {
                assertThat(html).contains("<b>" + TelegramHtml.escape(quote.answerText()) + "</b>");
            }
        }
        // AND one citation line per citation
        assertThat(occurrences(visible, "—")).isGreaterThanOrEqualTo(fixture.reply().citations().size());
    }

    @Test
    void anOutlineShowsEverySectionTitleAndKeyLineAsWrittenInPagesOfSixSections() throws Exception {
        // GIVEN a fifteen-section outline with markup in its titles and key lines
        BotReply outline = ReplyFixtures.outlineOfFifteen();

        // WHEN it is split into pages and each page rendered
        List<BotReply> pages = dev.episodebot.core.render.ReplyPages.of(outline);
        List<MessagePart> parts = new ArrayList<>();
        pages.forEach(p -> parts.addAll(renderer.render(p)));

        // THEN three pages of at most six sections come out, each valid HTML within the limit
        assertThat(pages).hasSize(3).allSatisfy(p -> assertThat(p.sections()).hasSizeLessThanOrEqualTo(6));
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.markup().length()).isLessThanOrEqualTo(ReplyRenderer.TELEGRAM_LIMIT);
            assertThat(FakeHtml.isValid(p.markup())).as(p.markup()).isTrue();
        });
        // AND every title and key line shows once, its markup as plain text, each section's lines linked to their moment
        String visible = visible(parts);
        for (dev.episodebot.core.Section section : outline.sections()) {
            assertThat(occurrences(visible, section.title())).as(section.title()).isEqualTo(1);
            section.keyLines().forEach(k -> assertThat(visible).contains(k));
        }
        String html = String.join("\n", parts.stream().map(MessagePart::markup).toList());
        assertThat(html).contains("https://www.youtube.com/watch?v=abc&amp;t=840").doesNotContain("<b>关键</b>");
    }

    @Test
    void aLongAnswerSplitsIntoSeveralMessagesBetweenParagraphs() throws Exception {
        List<MessagePart> parts = renderer.render(ReplyFixtures.longAnswer());
        assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(visible(parts).replaceAll("\\s+", ""))
                .contains(ReplyFixtures.longAnswer().lead().replaceAll("\\s+", ""));
    }

    @Test
    void aPlainReplyKeepsItsLinesAndCollapsesBlankLines() throws Exception {
        // GIVEN a reply with markup-like text over two paragraphs
        BotReply reply = BotReply.info("Use <b> & </b>\nlike so\n\n\n  \nnext", Language.EN);

        // WHEN rendered
        List<MessagePart> parts = renderer.render(reply);

        // THEN the text reads unchanged, with blank lines collapsed to one paragraph break
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).markup()).isEqualTo("Use &lt;b&gt; &amp; &lt;/b&gt;\nlike so\n\nnext");
        assertThat(FakeHtml.toPlain(parts.get(0).markup())).isEqualTo(parts.get(0).plain());
    }

    @Test
    void citationsWithoutQuotesAreListedCompactlyAndOnlyWebLinksAreLinked() {
        // GIVEN an answer citing a timecoded passage with a URL, and a file with a script "link"
        Citation timed = new Citation("ep1.txt", 3, 5, "00:01:02", "00:01:10", "https://youtu.be/x?t=62&si=1",
                "Reka has about fifteen people.", "Ep 1");
        Citation odd = new Citation("a.txt", 1, 1, null, null, "javascript:alert(1)", "", null);
        BotReply reply = new BotReply("r1", "About 15.", List.of(timed, odd), true, Language.EN, ReplyKind.ANSWER);

        // WHEN rendered
        MessagePart part = renderer.render(reply).get(0);

        // THEN a numbered source list follows, without the quote, the script URL not linked
        assertThat(part.markup()).isEqualTo("About 15.\n\n<b>Sources</b>\n"
                + "<i>[1] — Ep 1 · lines 3–5 · <a href=\"https://youtu.be/x?t=62&amp;si=1\">00:01:02–00:01:10</a></i>\n"
                + "<i>[2] — a.txt · line 1</i>");
        assertThat(part.plain()).contains("[1] — Ep 1 · lines 3–5 · 00:01:02–00:01:10 · https://youtu.be/x?t=62&si=1");
    }

    @Test
    void neverSendsAnEmptyMessage() {
        // GIVEN an empty reply WHEN rendered THEN something visible is sent
        assertThat(renderer.render(BotReply.info("  \n ", Language.EN))).containsExactly(new MessagePart("…", "…"));
    }

    @Test
    void aPreviewIsOneMessageEndingInAnEllipsisWhenThereIsMore() {
        MessagePart preview = renderer.preview(ReplyFixtures.longAnswer());
        assertThat(preview.markup().length()).isLessThanOrEqualTo(ReplyRenderer.TELEGRAM_LIMIT);
        assertThat(FakeHtml.isValid(preview.markup())).isTrue();
        assertThat(preview.plain()).endsWith("…");
    }
}
