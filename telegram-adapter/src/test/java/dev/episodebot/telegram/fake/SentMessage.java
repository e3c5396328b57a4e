package dev.episodebot.telegram.fake;

import java.time.Instant;
import java.util.List;

/**
 * A {@code sendMessage} the fake server accepted.
 *
 * @param seq the call's order of arrival (comparable with {@link RecordedCall#seq()})
 * @param at when it arrived
 * @param chatId the chat
 * @param messageId the id the fake gave the message
 * @param text the text as sent (HTML when {@code parseMode} is HTML)
 * @param parseMode {@code HTML}, or null for plain text
 * @param plainText what the message shows (tags removed, entities decoded)
 * @param replyToMessageId the message it replies to, or null
 * @param threadId the forum topic, or null
 * @param callbackData the callback data of its inline buttons, in order
 */
public record SentMessage(long seq, Instant at, long chatId, int messageId, String text, String parseMode,
        String plainText, Integer replyToMessageId, Integer threadId, List<String> callbackData) {
}
