package dev.episodebot.telegram.handling;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.Vote;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The 👍/👎 buttons under answers and their callback data: {@code fb:u:<replyId>} and
 * {@code fb:d:<replyId>}, at most 64 bytes as Telegram requires.
 */
public final class FeedbackButtons {

    /** Telegram's limit for callback data. */
    public static final int MAX_CALLBACK_BYTES = 64;

    static final String UP = "fb:u:";
    static final String DOWN = "fb:d:";

    private FeedbackButtons() {
    }

    /** A vote read from callback data. */
    public record FeedbackVote(String replyId, Vote vote) {
    }

    /** The buttons for {@code reply}: only answers with an id get them (and only when the id fits). */
    public static Optional<InlineKeyboardMarkup> forReply(BotReply reply) {
        if (reply.kind() != ReplyKind.ANSWER || reply.id() == null || reply.id().isBlank()) {
            return Optional.empty();
        }
        String up = UP + reply.id();
        String down = DOWN + reply.id();
        if (up.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
            return Optional.empty();
        }
        InlineKeyboardRow row = new InlineKeyboardRow(
                InlineKeyboardButton.builder().text("👍").callbackData(up).build(),
                InlineKeyboardButton.builder().text("👎").callbackData(down).build());
        return Optional.of(InlineKeyboardMarkup.builder().keyboard(List.of(row)).build());
    }

    /** The vote in {@code data}, or empty when it is not ours. */
    public static Optional<FeedbackVote> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        Vote vote = data.startsWith(UP) ? Vote.UP : data.startsWith(DOWN) ? Vote.DOWN : null;
        if (vote == null) {
            return Optional.empty();
        }
        String id = data.substring(UP.length());
        return id.isBlank() ? Optional.empty() : Optional.of(new FeedbackVote(id, vote));
    }
}
