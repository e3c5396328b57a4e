package dev.episodebot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.Vote;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** {@link ReplyRenderer}, {@link CitationEmbed} and {@link FeedbackButtons}. */
class ReplyRendererTest {

    private final ReplyRenderer renderer = new ReplyRenderer();

    private static Citation citation(int line, String quote, String url) {
        return new Citation("episode.txt", line, line + 1, url == null ? null : "00:12:03", null, url, quote, "Yi Tay 重返谷歌");
    }

    @Test
    void answersGetCitationsAndFeedbackButtons() {
        // GIVEN an answer with a timecoded citation
        BotReply reply = new BotReply("abc-123", "不到 15 人。", List.of(citation(114, "这些成就是由不到 15 人的技术团队完成的",
                "https://example.com/watch?v=x&t=723")), true, Language.ZH, ReplyKind.ANSWER);

        // WHEN rendered
        List<MessageCreateData> messages = renderer.render(reply);

        // THEN one message with the text, a "出处" embed quoting the transcript with a link, and 👍/👎 buttons
        assertThat(messages).hasSize(1);
        MessageCreateData message = messages.get(0);
        assertThat(message.getContent()).isEqualTo("不到 15 人。");
        MessageEmbed embed = message.getEmbeds().get(0);
        assertThat(embed.getTitle()).isEqualTo("出处");
        assertThat(embed.getFields().get(0).getName()).isEqualTo("Yi Tay 重返谷歌 · episode.txt L114-115 @00:12:03");
        assertThat(embed.getFields().get(0).getValue())
                .isEqualTo("> 这些成就是由不到 15 人的技术团队完成的\n[▶ 00:12:03](https://example.com/watch?v=x&t=723)");
        List<String> buttonIds = ((ActionRow) message.getComponents().get(0)).getButtons().stream()
                .map(Button::getCustomId).toList();
        assertThat(buttonIds).containsExactly("fb:u:abc-123", "fb:d:abc-123");
        assertThat(message.getAllowedMentions()).isEmpty();
        assertThat(message.isMentionRepliedUser()).isFalse();
    }

    @Test
    void infoAndRefusalsGetNoButtons() {
        // GIVEN an informational reply and a refusal
        // WHEN rendered
        // THEN neither has buttons or an embed
        for (BotReply reply : List.of(BotReply.info("Sources: 1 file", Language.EN),
                BotReply.refusal("Please slow down.", Language.EN),
                new BotReply(null, "An answer without id", List.of(), false, Language.EN, ReplyKind.ANSWER))) {
            MessageCreateData message = renderer.render(reply).get(0);
            assertThat(message.getComponents()).isEmpty();
            assertThat(message.getEmbeds()).isEmpty();
        }
    }

    @Test
    void citationEmbedStaysWithinDiscordLimits() {
        // GIVEN 30 citations with very long quotes
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            citations.add(citation(i + 1, "很长的引用".repeat(200), null));
        }

        // WHEN the embed is built
        MessageEmbed embed = CitationEmbed.of(citations, Language.EN).orElseThrow();

        // THEN it shows at most 10 shortened quotes and is valid for a bot
        assertThat(embed.getFields()).hasSizeLessThanOrEqualTo(CitationEmbed.MAX_CITATIONS);
        assertThat(embed.getFields()).allSatisfy(f -> assertThat(f.getValue()).hasSizeLessThanOrEqualTo(1024).endsWith("…"));
        assertThat(embed.isSendable()).isTrue();
        assertThat(CitationEmbed.of(List.of(), Language.EN)).isEmpty();
    }

    @Test
    void emptyTextStillRendersAMessage() {
        // GIVEN an empty answer
        // WHEN rendered
        // THEN there is a message with placeholder content
        assertThat(renderer.render(BotReply.info("", Language.EN))).singleElement()
                .satisfies(m -> assertThat(m.getContent()).isEqualTo("…"));
    }

    @Test
    void feedbackButtonIdsRoundTrip() {
        // GIVEN / WHEN button ids built and parsed back
        // THEN the vote and reply id survive; other ids are not feedback
        assertThat(FeedbackButtons.parse(FeedbackButtons.buttonId(Vote.UP, "r:1")))
                .contains(new FeedbackButtons.FeedbackVote("r:1", Vote.UP));
        assertThat(FeedbackButtons.parse("fb:d:x")).contains(new FeedbackButtons.FeedbackVote("x", Vote.DOWN));
        assertThat(FeedbackButtons.parse("fb:x:1")).isEmpty();
        assertThat(FeedbackButtons.parse("fb:u:")).isEmpty();
        assertThat(FeedbackButtons.parse("other")).isEmpty();
        assertThat(FeedbackButtons.fits("x".repeat(95))).isTrue();
        assertThat(FeedbackButtons.fits("x".repeat(96))).isFalse();
    }
}
