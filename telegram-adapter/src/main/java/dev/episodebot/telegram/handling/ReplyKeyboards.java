package dev.episodebot.telegram.handling;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Language;
import dev.episodebot.core.Vote;
import dev.episodebot.core.render.ReplyButtons;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The inline keyboards under the bot's messages: 👍/👎 under answers, and "more" under a reply cut
 * at the message cap. The callback data is the core's {@link ReplyButtons} codec, within
 * Telegram's 64 bytes.
 */
public final class ReplyKeyboards {

    private ReplyKeyboards() {
    }

    /**
     * The keyboard for the last message shown of a reply, or null when it has no button.
     *
     * @param reply the reply, or null for a continuation page (no vote buttons)
     * @param moreKey the continuation's key, or null when nothing is left
     * @param left how many messages the continuation holds
     * @param language the language of the "more" label
     */
    public static InlineKeyboardMarkup of(BotReply reply, String moreKey, int left, Language language) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        if (reply != null && reply.kind().isAnswer() && ReplyButtons.votesFit(reply.id(), ReplyButtons.TELEGRAM_MAX_BYTES)) {
            rows.add(new InlineKeyboardRow(
                    InlineKeyboardButton.builder().text("👍").callbackData(ReplyButtons.vote(Vote.UP, reply.id())).build(),
                    InlineKeyboardButton.builder().text("👎").callbackData(ReplyButtons.vote(Vote.DOWN, reply.id())).build()));
        }
        if (moreKey != null) {
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder()
                    .text(Catalog.text(language, UiText.MORE_BUTTON, left))
                    .callbackData(ReplyButtons.more(moreKey))
                    .build()));
        }
        return rows.isEmpty() ? null : InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
