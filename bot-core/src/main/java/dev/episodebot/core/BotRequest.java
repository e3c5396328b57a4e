package dev.episodebot.core;

import java.util.Objects;

/**
 * One message from a user, already stripped of platform syntax (bot mentions, the command word).
 *
 * @param conversationId the conversation whose memory a follow-up uses (a chat, a thread, a DM)
 * @param userId the platform's numeric user id; admins are matched on {@code platform:userId}
 * @param platform where the message comes from
 * @param text what the user wrote; may be empty, never null
 */
public record BotRequest(String conversationId, String userId, Platform platform, String text) {

    public BotRequest {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(platform, "platform");
        text = text == null ? "" : text;
    }

    /** A request with the same conversation and user but another text. */
    public BotRequest withText(String newText) {
        return new BotRequest(conversationId, userId, platform, newText);
    }

    /** {@code platform:userId}, the form used in {@code BOT_ADMINS}. */
    public String qualifiedUserId() {
        return platform.id() + ":" + userId;
    }
}
