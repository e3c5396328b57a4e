package dev.episodebot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.testing.BadInputs;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/**
 * The 200+ hostile inputs of {@link BadInputs}, as if the core (or an LLM) echoed them back in an
 * answer and a citation: every rendered message stays under Discord's limits, allows no mentions,
 * and Markdown breakers are escaped.
 */
class HostileTextRenderingTest {

    private final ReplyRenderer renderer = new ReplyRenderer();

    @Test
    void everyHostileTextRendersSafely() {
        List<BadInputs.BadInput> inputs = BadInputs.all();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(200);
        for (BadInputs.BadInput input : inputs) {
            // GIVEN an answer that echoes the input in its text and its citation
            String text = input.text().isEmpty() ? "(empty)" : input.text();
            BotReply reply = new BotReply("id-1", "You said: " + text,
                    List.of(new Citation("notes/" + input.label() + ".txt", 1, 2, null, null, null, text, text)),
                    true, Language.EN, ReplyKind.ANSWER);

            // WHEN rendered
            List<MessageCreateData> messages = renderer.render(reply);

            // THEN no message can ping anyone, and each fits Discord's limits
            assertThat(messages).as(input.label()).isNotEmpty();
            for (MessageCreateData message : messages) {
                assertThat(message.getAllowedMentions()).as(input.label()).isEmpty();
                assertThat(message.isMentionRepliedUser()).isFalse();
                assertThat(message.getContent().length()).as(input.label()).isLessThanOrEqualTo(2000);
                for (MessageEmbed embed : message.getEmbeds()) {
                    assertThat(embed.isSendable()).as(input.label()).isTrue();
                }
                // Markdown that would change formatting is escaped
                assertThat(message.getContent()).as(input.label()).doesNotContain("\n# ").doesNotContainPattern("(?<!\\\\)```");
            }
        }
    }
}
