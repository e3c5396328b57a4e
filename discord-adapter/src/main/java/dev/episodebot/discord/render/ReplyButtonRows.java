package dev.episodebot.discord.render;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Language;
import dev.episodebot.core.Vote;
import dev.episodebot.core.render.ReplyButtons;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.emoji.Emoji;

/**
 * The button rows under the bot's last message of a reply: 👍/👎 under answers, "more" under a
 * reply cut at the message cap. Their ids are the core's {@link ReplyButtons} codec, within
 * Discord's 100 characters.
 */
public final class ReplyButtonRows {

    private ReplyButtonRows() {}

    /**
     * @param reply the reply, or null for a continuation page (no vote buttons)
     * @param moreKey the continuation's key, or null when nothing is left
     * @param left the messages the continuation holds
     * @param language the language of the "more" label
     */
    public static List<ActionRow> of(BotReply reply, String moreKey, int left, Language language) {
        List<ActionRow> rows = new ArrayList<>();
        if (reply != null && reply.kind().isAnswer() && ReplyButtons.votesFit(reply.id(), ReplyButtons.DISCORD_MAX_CHARS)) {
            rows.add(ActionRow.of(
                    Button.secondary(ReplyButtons.vote(Vote.UP, reply.id()), Emoji.fromUnicode("👍")),
                    Button.secondary(ReplyButtons.vote(Vote.DOWN, reply.id()), Emoji.fromUnicode("👎"))));
        }
        if (moreKey != null) {
            rows.add(ActionRow.of(Button.primary(ReplyButtons.more(moreKey), Catalog.text(language, UiText.MORE_BUTTON, left))));
        }
        return rows;
    }
}
