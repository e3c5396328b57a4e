package dev.episodebot.core;

import java.util.Objects;

/**
 * One message from a user, already stripped of platform syntax (bot mentions, the command word).
 *
 * @param conversationId the conversation whose memory a follow-up uses (a chat, a thread, a DM)
 * @param userId the platform's numeric user id; admins are matched on {@code platform:userId}
 * @param platform where the message comes from
 * @param text what the user wrote; may be empty, never null
 * @param locale the user's platform language as the platform gives it (Telegram {@code language_code}
 *     such as {@code zh-hans}, Discord locale such as {@code zh-CN}), or null when unknown; a hint for
 *     replies to commands without text
 * @param direct whether only this user reads the reply: a private chat, a DM or the console (long lists
 *     are shown in full only there)
 */
public record BotRequest(String conversationId, String userId, Platform platform, String text, String locale,
        boolean direct) {

    public BotRequest {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(platform, "platform");
        text = text == null ? "" : text;
        locale = locale == null || locale.isBlank() ? null : locale.strip();
    }

    /** A request without a language hint, direct only on the console. */
    public BotRequest(String conversationId, String userId, Platform platform, String text) {
        this(conversationId, userId, platform, text, null, platform == Platform.CONSOLE);
    }

    /** A request with the same conversation, user, hint and audience but another text. */
    public BotRequest withText(String newText) {
        return new BotRequest(conversationId, userId, platform, newText, locale, direct);
    }

    /** {@code platform:userId}, the form used in {@code BOT_ADMINS}. */
    public String qualifiedUserId() {
        return platform.id() + ":" + userId;
    }

    /**
     * The language to reply in: the language of the text when it has letters; otherwise (a bare
     * {@code /help}) the user's platform language when it is Chinese; English otherwise.
     */
    public Language replyLanguage() {
        if (text.codePoints().anyMatch(Character::isLetter)) {
            return Language.detect(text);
        }
        return hintedLanguage();
    }

    /** The platform language: Chinese for a {@code zh} locale, English otherwise. */
    public Language hintedLanguage() {
        return Language.ofLocale(locale);
    }
}
