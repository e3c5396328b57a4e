package dev.episodebot.telegram.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.telegram.fake.FakeHtml;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    final MessageSplitter splitter = new MessageSplitter();

    @Test
    void keepsAShortTextInOnePart() {
        // GIVEN two short paragraphs
        List<List<Line>> paragraphs = List.of(List.of(Line.text("a < b"), Line.text("c & d")),
                List.of(Line.text("e")));

        // WHEN split
        List<MessagePart> parts = splitter.split(paragraphs);

        // THEN one part with lines and paragraphs kept
        assertThat(parts).containsExactly(new MessagePart("a &lt; b\nc &amp; d\n\ne", "a < b\nc & d\n\ne"));
    }

    @Test
    void breaksBetweenParagraphsWhenTheyDoNotFitTogether() {
        // GIVEN three paragraphs of 2,000 characters
        List<List<Line>> paragraphs = List.of(
                List.of(Line.text("A".repeat(2000))),
                List.of(Line.text("B".repeat(2000))),
                List.of(Line.text("C".repeat(2000))));

        // WHEN split
        List<MessagePart> parts = splitter.split(paragraphs);

        // THEN two paragraphs fit the first message, the third starts the next one
        assertThat(parts).extracting(MessagePart::plain)
                .containsExactly("A".repeat(2000) + "\n\n" + "B".repeat(2000), "C".repeat(2000));
    }

    @Test
    void breaksALongParagraphBetweenLines() {
        // GIVEN one paragraph of 100 lines of 80 characters
        List<Line> lines = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> Line.text(String.format("%03d", i) + "x".repeat(77))).toList();

        // WHEN split
        List<MessagePart> parts = splitter.split(List.of(lines));

        // THEN every part holds whole lines, in order
        assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(p.html().length()).isLessThanOrEqualTo(4096));
        assertThat(parts).allSatisfy(p -> assertThat(p.plain().split("\n")).allMatch(l -> l.length() == 80));
        assertThat(String.join("\n", parts.stream().map(MessagePart::plain).toList()))
                .isEqualTo(lines.stream().map(Line::plain).collect(Collectors.joining("\n")));
    }

    @Test
    void cutsAnOverlongLineNeverInsideAnEntity() {
        // GIVEN a single line of 10,000 characters that all need escaping
        String line = "<&>".repeat(3334).substring(0, 10_000);

        // WHEN split
        List<MessagePart> parts = splitter.split(List.of(List.of(Line.text(line))));

        // THEN each part fits, is valid markup, and together they are the line
        assertThat(parts).hasSizeGreaterThan(2).allSatisfy(p -> {
            assertThat(p.html().length()).isLessThanOrEqualTo(4096);
            assertThat(FakeHtml.isValid(p.html())).isTrue();
        });
        assertThat(parts.stream().map(MessagePart::plain).collect(Collectors.joining())).isEqualTo(line);
    }

    @Test
    void cutsAnOverlongLineAtSpacesAndNeverInsideASurrogatePair() {
        // GIVEN a line of words made of emoji (two UTF-16 units each)
        String line = "😀😀😀😀 ".repeat(1500);

        // WHEN split
        List<MessagePart> parts = splitter.split(List.of(List.of(Line.text(line))));

        // THEN no part starts or ends with half an emoji, and cuts fall after spaces
        assertThat(parts).allSatisfy(p -> {
            assertThat(Character.isLowSurrogate(p.plain().charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(p.plain().charAt(p.plain().length() - 1))).isFalse();
        });
        assertThat(parts.subList(0, parts.size() - 1)).allMatch(p -> p.plain().endsWith(" "));
        assertThat(parts.stream().map(MessagePart::plain).collect(Collectors.joining())).isEqualTo(line);
    }

    @Test
    void anOverlongMarkupLineFallsBackToItsEscapedPlainText() {
        // GIVEN a markup line longer than a message
        String text = "y".repeat(5000);
        Line link = Line.markup("<a href=\"https://e.x\">" + text + "</a>", text + " (https://e.x)");

        // WHEN split
        List<MessagePart> parts = splitter.split(List.of(List.of(link)));

        // THEN no part carries a tag cut in half
        assertThat(parts).allSatisfy(p -> assertThat(FakeHtml.isValid(p.html())).isTrue());
        assertThat(parts.stream().map(MessagePart::plain).collect(Collectors.joining()))
                .isEqualTo(text + " (https://e.x)");
    }
}
