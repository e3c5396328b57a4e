package dev.episodebot.discord.render;

import static dev.episodebot.core.testing.ReplyFixtures.occurrences;
import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.Quote;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.testing.ReplyFixtures;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden renderings of the structured reply as Discord messages (content, embeds, buttons). */
class ReplyRendererTest {

    private static final Pattern MASKED_LINK = Pattern.compile("(?<!\\\\)\\[((?:\\\\.|[^\\]\\\\])*)]\\(<[^>]*>\\)");
    private static final Pattern BOLD = Pattern.compile("(?<!\\\\)\\*\\*");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");
    private static final Pattern WRAPPED_URL = Pattern.compile("<(https?://[^>]+)>");

    private final ReplyRenderer renderer = new ReplyRenderer();

    static List<ReplyFixtures.Fixture> fixtures() {
        return ReplyFixtures.all();
    }

    /** What Discord shows of some content: quote and subtext markers, bold and link syntax, escapes removed. */
    static String visible(String content) {
        StringBuilder out = new StringBuilder();
        for (String line : content.split("\n", -1)) {
            String text = line.startsWith("> ") ? line.substring(2) : line.startsWith("-# ") ? line.substring(3) : line;
            text = MASKED_LINK.matcher(text).replaceAll("$1");
            text = WRAPPED_URL.matcher(text).replaceAll("$1");
            text = BOLD.matcher(text).replaceAll("");
            text = ESCAPE.matcher(text).replaceAll("$1");
            out.append(text).append('\n');
        }
        return out.toString();
    }

    private static String content(List<MessageCreateData> messages) {
        return String.join("\n", messages.stream().map(MessageCreateData::getContent).toList());
    }

    @Test
    void aChineseFactAnswerIsABlockQuoteWithItsAnsweringLineBoldAndOneCitationLine() {
        // GIVEN the extractive answer to 「Reka 的技术团队有多少人？」
        List<MessageCreateData> messages = renderer.render(ReplyFixtures.chineseFact());

        // THEN one message: the intro, "> " quote lines with line 114 bold, one small citation line, no embed
        assertThat(messages).hasSize(1);
        MessageCreateData message = messages.get(0);
        assertThat(message.getContent()).isEqualTo("节目里是这样说的：\n"
                + "> 此外\n> **这些成就是由不到 15 人的技术团队完成的**\n> 个人层面\n> 这对我来说是一个极为紧张的时期\n"
                + "-# —— episode-yi-tay-returns-to-google.txt · 第 113–116 行");
        assertThat(message.getEmbeds()).isEmpty();
        assertThat(occurrences(visible(message.getContent()), "不到 15 人")).isEqualTo(1);
        // AND 👍/👎 under it, and nobody can be pinged
        List<String> buttonIds = ((ActionRow) message.getComponents().get(0)).getButtons().stream()
                .map(Button::getCustomId).toList();
        assertThat(buttonIds).containsExactly("fb:u:0123456789abcdef", "fb:d:0123456789abcdef");
        assertThat(message.getAllowedMentions()).isEmpty();
        assertThat(message.isMentionRepliedUser()).isFalse();
    }

    @Test
    void anEnglishQuestionOverChineseKnowledgeIsFramedInEnglish() {
        String content = renderer.render(ReplyFixtures.englishOverChinese()).get(0).getContent();
        assertThat(content).startsWith("Here is what the episode says (quoted in its original language):\n> 此外\n")
                .endsWith("\n-# — Yi Tay 重返 Google DeepMind · lines 113–116");
    }

    @Test
    void aListAnswerNumbersItsItemsWithMaskedLinksThatDoNotUnfurl() {
        String content = renderer.render(ReplyFixtures.listOfThree()).get(0).getContent();
        assertThat(content).isEqualTo("节目提到了三位回到大厂的人 \\[1\\]\\[2\\]\\[3\\]：\n"
                + "1. **Mustafa Suleyman 加入了微软**\n"
                + "-# \\[1\\] —— Yi Tay 重返谷歌 · 第 195 行 · [00:12:05](<https://www.youtube.com/watch?v=abc&t=195>)\n"
                + "2. **David Luan 回到了亚马逊**\n"
                + "-# \\[2\\] —— Yi Tay 重返谷歌 · 第 199 行 · [00:12:31](<https://www.youtube.com/watch?v=abc&t=199>)\n"
                + "3. **Noam Shazeer 重返谷歌**\n"
                + "-# \\[3\\] —— Yi Tay 重返谷歌 · 第 203 行 · [00:12:58](<https://www.youtube.com/watch?v=abc&t=203>)");
    }

    @Test
    void hostileTranscriptTextCannotFormatPingOrQuote() {
        // GIVEN an answer quoting Markdown breakers and mentions
        MessageCreateData message = renderer.render(ReplyFixtures.hostile()).get(0);

        // THEN every breaker is escaped, the link target cannot close early, and no mention is allowed
        String content = message.getContent();
        assertThat(content).contains("> **@everyone @here <@123456789012345678> look \\*\\*here\\*\\* \\_\\_now\\_\\_")
                .contains("> \\# heading > not a quote \\[link\\](<https://evil.example/>) -# small")
                .contains("[00:00:07–00:00:19](<https://example.com/watch?a=1&b=\"2\"&t=7>)");
        assertThat(content).doesNotContainPattern("(?m)^\\\\>");
        assertThat(message.getAllowedMentions()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyQuoteIsShownOnceWithItsAnsweringLineMarkedWithinDiscordsLimits(ReplyFixtures.Fixture fixture) {
        // GIVEN a reply WHEN rendered
        List<MessageCreateData> messages = renderer.render(fixture.reply());

        // THEN every message fits, pings no one, and carries no embed that could repeat a quote
        assertThat(messages).isNotEmpty().allSatisfy(m -> {
            assertThat(m.getContent().length()).isLessThanOrEqualTo(ReplyRenderer.DISCORD_LIMIT);
            assertThat(m.getAllowedMentions()).isEmpty();
            assertThat(m.getEmbeds()).isEmpty();
            // AND no quote marker shows up escaped (a quote is a real block quote)
            assertThat(m.getContent()).doesNotContainPattern("(?m)^\\\\>");
        });
        // AND every quoted line is shown exactly once, the answering line in bold
        String content = content(messages);
        String visible = visible(content);
        for (Quote quote : fixture.reply().quotes()) {
            for (String line : quote.lines()) {
                assertThat(occurrences(visible, line)).as(line).isEqualTo(1);
            }
            if (quote.answerLine() >= 0) {
                assertThat(content).contains("**" + DiscordMarkdown.escape(quote.answerText()) + "**");
            }
        }
    }

    @Test
    void aLongAnswerSplitsIntoMessagesOfAtMost2000Characters() {
        List<MessageCreateData> messages = renderer.render(ReplyFixtures.longAnswer());
        assertThat(messages).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(m -> assertThat(m.getContent().length()).isLessThanOrEqualTo(2000));
        // only the last carries the buttons
        assertThat(messages.subList(0, messages.size() - 1)).allMatch(m -> m.getComponents().isEmpty());
        assertThat(messages.get(messages.size() - 1).getComponents()).hasSize(1);
    }

    @Test
    void infoAndRefusalsGetNoButtons() {
        // GIVEN an informational reply and a refusal, and an answer without id
        for (BotReply reply : List.of(BotReply.info("Sources: 1 file", Language.EN),
                BotReply.refusal("Please slow down.", Language.EN),
                new BotReply(null, "An answer without id", List.of(), false, Language.EN, ReplyKind.ANSWER))) {
            MessageCreateData message = renderer.render(reply).get(0);
            assertThat(message.getComponents()).isEmpty();
            assertThat(message.getEmbeds()).isEmpty();
        }
    }

    @Test
    void citationsWithoutQuotesAreListedAsCompactSourceLines() {
        BotReply reply = new BotReply("r1", "About 15.", List.of(new Citation("episode.txt", 3, 4, "00:00:03", null,
                "https://example.com/v?t=3", "a quote", null)), true, Language.EN, ReplyKind.ANSWER);
        assertThat(renderer.render(reply).get(0).getContent()).isEqualTo("About 15.\n\n**Sources**\n"
                + "-# \\[1\\] — episode.txt · lines 3–4 · [00:00:03](<https://example.com/v?t=3>)");
    }

    @Test
    void emptyTextStillRendersAMessage() {
        assertThat(renderer.render(BotReply.info("", Language.EN))).singleElement()
                .satisfies(m -> assertThat(m.getContent()).isEqualTo("…"));
    }

    @Test
    void aPreviewIsOneMessage() {
        MessageCreateData preview = renderer.preview(ReplyFixtures.longAnswer());
        assertThat(preview.getContent().length()).isLessThanOrEqualTo(2000);
        assertThat(preview.getContent()).endsWith("…");
        assertThat(preview.getAllowedMentions()).isEmpty();
    }
}
