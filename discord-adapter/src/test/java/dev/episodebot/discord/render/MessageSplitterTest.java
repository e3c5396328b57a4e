package dev.episodebot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.render.MessagePart;
import dev.episodebot.core.render.MessageSplitter;
import dev.episodebot.core.render.MessageSplitter.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's shared splitter with Discord's Markdown escaping. */
class MessageSplitterTest {

    private final MessageSplitter splitter = new MessageSplitter(ReplyRenderer.DISCORD_LIMIT, DiscordMarkdown::escape);

    private List<String> split(String line) {
        return splitter.split(List.of(new Segment("", "", List.of(splitter.line(line)), 2))).stream()
                .map(MessagePart::markup).toList();
    }

    @Test
    void keepsShortTextsWhole() {
        // GIVEN / WHEN a short text, and a blank one
        // THEN one part, and none
        assertThat(split("Hello **world**")).containsExactly("Hello \\*\\*world\\*\\*");
        assertThat(splitter.split(List.of())).isEmpty();
    }

    @Test
    void cutsAnOverlongLineAtSentenceEnds() {
        // GIVEN Chinese sentences that do not fit in 32 characters
        MessageSplitter small = new MessageSplitter(32, DiscordMarkdown::escape);
        List<String> parts = small.split(List.of(new Segment("", "", List.of(small.line(
                "这是第一句话，比较长一些，再长一点点吧。这是第二句话，也比较长一些，也再长一点。这是第三句，它也不短。")), 2)))
                .stream().map(MessagePart::markup).toList();

        // THEN the cut falls after a sentence end, and the rest fits whole
        assertThat(parts).containsExactly("这是第一句话，比较长一些，再长一点点吧。", "这是第二句话，也比较长一些，也再长一点。这是第三句，它也不短。");
    }

    @Test
    void measuresAfterEscapingAndNeverSplitsAnEscape() {
        // GIVEN a text that doubles in length when escaped
        String stars = "*".repeat(2500);

        // WHEN split for Discord
        List<String> parts = split(stars);

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
        List<String> parts = split(emoji);

        // THEN each part has whole emoji only
        assertThat(parts).hasSizeGreaterThan(1)
                .allSatisfy(part -> assertThat(part.codePoints()).allMatch(cp -> cp == 0x1F600));
        assertThat(String.join("", parts)).isEqualTo(emoji);
    }

    @Test
    void aQuoteSplitAcrossMessagesKeepsItsQuoteMarkerOnEveryLine() {
        // GIVEN a quote of 60 lines of 50 characters, each line "> "-prefixed
        List<MessageSplitter.Line> lines = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> splitter.line("> ", String.format("%02d", i) + "#".repeat(48), "")).toList();

        // WHEN split
        List<MessagePart> parts = splitter.split(List.of(new Segment("", "", lines, 2)));

        // THEN every line of every part is a quote line, the text's own '#' escaped only at line start
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(part.markup().length()).isLessThanOrEqualTo(2000);
            assertThat(part.markup().split("\n")).allMatch(l -> l.startsWith("> ") && !l.startsWith("> \\"));
        });
    }
}
