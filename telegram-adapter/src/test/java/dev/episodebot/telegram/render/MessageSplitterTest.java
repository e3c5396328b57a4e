package dev.episodebot.telegram.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.render.MessagePart;
import dev.episodebot.core.render.MessageSplitter;
import dev.episodebot.core.render.MessageSplitter.Line;
import dev.episodebot.core.render.MessageSplitter.Segment;
import dev.episodebot.telegram.fake.FakeHtml;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The core's shared splitter with Telegram's HTML escaping, checked by the strict {@link FakeHtml}. */
class MessageSplitterTest {

    final MessageSplitter splitter = new MessageSplitter(ReplyRenderer.TELEGRAM_LIMIT, TelegramHtml::escape);

    private Segment paragraph(String... lines) {
        return new Segment("", "", java.util.Arrays.stream(lines).map(splitter::line).toList(), 2);
    }

    @Test
    void keepsAShortTextInOnePart() {
        // GIVEN two short paragraphs
        List<Segment> segments = List.of(paragraph("a < b", "c & d"), paragraph("e"));

        // WHEN split
        List<MessagePart> parts = splitter.split(segments);

        // THEN one part with lines and paragraphs kept
        assertThat(parts).containsExactly(new MessagePart("a &lt; b\nc &amp; d\n\ne", "a < b\nc & d\n\ne"));
    }

    @Test
    void breaksBetweenParagraphsWhenTheyDoNotFitTogether() {
        // GIVEN three paragraphs of 2,000 characters
        List<Segment> segments = List.of(paragraph("A".repeat(2000)), paragraph("B".repeat(2000)),
                paragraph("C".repeat(2000)));

        // WHEN split
        List<MessagePart> parts = splitter.split(segments);

        // THEN two paragraphs fit the first message, the third starts the next one
        assertThat(parts).extracting(MessagePart::plain)
                .containsExactly("A".repeat(2000) + "\n\n" + "B".repeat(2000), "C".repeat(2000));
    }

    @Test
    void breaksALongQuoteBetweenLinesAndReopensTheBlockquote() throws Exception {
        // GIVEN one quote of 100 lines of 80 characters, the 50th marked bold
        List<Line> lines = IntStream.range(0, 100).mapToObj(i -> {
            String text = String.format("%03d", i) + "x".repeat(77);
            return i == 50 ? splitter.line("<b>", text, "</b>") : splitter.line(text);
        }).toList();

        // WHEN split
        List<MessagePart> parts = splitter.split(List.of(new Segment("<blockquote>", "</blockquote>", lines, 2)));

        // THEN every part is a whole blockquote of whole lines, in order, valid for Telegram
        assertThat(parts).hasSize(2).allSatisfy(p -> {
            assertThat(p.markup().length()).isLessThanOrEqualTo(4096);
            assertThat(p.markup()).startsWith("<blockquote>").endsWith("</blockquote>");
            assertThat(FakeHtml.isValid(p.markup())).isTrue();
            assertThat(p.plain().split("\n")).allMatch(l -> l.length() == 80);
        });
        assertThat(String.join("\n", parts.stream().map(MessagePart::plain).toList()))
                .isEqualTo(lines.stream().map(Line::plain).collect(Collectors.joining("\n")));
        assertThat(String.join("", parts.stream().map(MessagePart::markup).toList())).contains("<b>050");
    }

    @Test
    void cutsAnOverlongLineNeverInsideAnEntity() throws Exception {
        // GIVEN a single line of 10,000 characters that all need escaping
        String line = "<&>".repeat(3334).substring(0, 10_000);

        // WHEN split
        List<MessagePart> parts = splitter.split(List.of(paragraph(line)));

        // THEN each part fits, is valid markup, reads as its plain form, and together they are the line
        assertThat(parts).hasSizeGreaterThan(2).allSatisfy(p -> {
            assertThat(p.markup().length()).isLessThanOrEqualTo(4096);
            assertThat(FakeHtml.isValid(p.markup())).isTrue();
        });
        for (MessagePart part : parts) {
            assertThat(FakeHtml.toPlain(part.markup())).isEqualTo(part.plain());
        }
        assertThat(parts.stream().map(MessagePart::plain).collect(Collectors.joining())).isEqualTo(line);
    }

    @Test
    void cutsAnOverlongBoldLineIntoBoldPieces() throws Exception {
        // GIVEN a bold answering line of 9,000 characters inside a quote
        String text = "十五人的团队&".repeat(1500);
        List<MessagePart> parts = splitter.split(List.of(
                new Segment("<blockquote>", "</blockquote>", List.of(splitter.line("<b>", text, "</b>")), 2)));

        // THEN each part is a balanced blockquote with a bold piece, and nothing is lost
        assertThat(parts).hasSizeGreaterThan(2).allSatisfy(p -> {
            assertThat(p.markup().length()).isLessThanOrEqualTo(4096);
            assertThat(p.markup()).startsWith("<blockquote><b>").endsWith("</b></blockquote>");
            assertThat(FakeHtml.isValid(p.markup())).isTrue();
        });
        assertThat(parts.stream().map(MessagePart::plain).collect(Collectors.joining())).isEqualTo(text);
    }

    @Test
    void cutsAnOverlongLineAtSpacesAndNeverInsideASurrogatePair() {
        // GIVEN a line of words made of emoji (two UTF-16 units each)
        String line = "😀😀😀😀 ".repeat(1500).strip();

        // WHEN split
        List<MessagePart> parts = splitter.split(List.of(paragraph(line)));

        // THEN no part starts or ends with half an emoji, and cuts fall at spaces
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(Character.isLowSurrogate(p.plain().charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(p.plain().charAt(p.plain().length() - 1))).isFalse();
            assertThat(p.plain()).startsWith("😀").endsWith("😀");
        });
        assertThat(parts.stream().map(MessagePart::plain).collect(Collectors.joining(" "))).isEqualTo(line);
    }

    @Test
    void anOverlongMarkupLineFallsBackToItsEscapedPlainText() {
        // GIVEN a markup line longer than a message
        String text = "y".repeat(5000);
        Line link = new Line("<a href=\"https://e.x\">" + text + "</a>", text + " (https://e.x)", "", "");

        // WHEN split
        List<MessagePart> parts = splitter.split(List.of(new Segment("", "", List.of(link), 2)));

        // THEN no part carries a tag cut in half
        assertThat(parts).allSatisfy(p -> assertThat(FakeHtml.isValid(p.markup())).isTrue());
        assertThat(parts.stream().map(MessagePart::plain).collect(Collectors.joining()).replace(" ", ""))
                .isEqualTo(text + "(https://e.x)");
    }
}
