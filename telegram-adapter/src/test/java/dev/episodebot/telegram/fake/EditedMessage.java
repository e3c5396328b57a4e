package dev.episodebot.telegram.fake;

import java.time.Instant;
import java.util.List;

/**
 * An {@code editMessageText} the fake server accepted.
 *
 * @param seq the call's order of arrival (comparable with {@link SentMessage#seq()})
 * @param at when it arrived
 * @param chatId the chat
 * @param messageId the message edited
 * @param text the new text as sent (HTML when {@code parseMode} is HTML)
 * @param parseMode {@code HTML}, or null for plain text
 * @param plainText what the message shows now
 * @param callbackData the callback data of its inline buttons now, in order
 */
public record EditedMessage(long seq, Instant at, long chatId, int messageId, String text, String parseMode,
        String plainText, List<String> callbackData) {
}
