package dev.episodebot.telegram.send;

/**
 * Where a message goes.
 *
 * @param chatId the chat
 * @param threadId the forum topic, or null outside topics
 */
public record ChatTarget(long chatId, Integer threadId) {

    public static ChatTarget chat(long chatId) {
        return new ChatTarget(chatId, null);
    }
}
