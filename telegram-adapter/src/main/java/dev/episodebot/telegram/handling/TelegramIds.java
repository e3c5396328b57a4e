package dev.episodebot.telegram.handling;

import dev.episodebot.core.Language;
import java.util.Set;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The user and conversation ids the core sees. Users are their numeric Telegram id (so
 * {@code BOT_ADMINS=telegram:<id>} matches); whoever writes as a chat (anonymous group admins,
 * channels) is {@value #ANONYMOUS}, which no admin entry can match.
 */
public final class TelegramIds {

    /** The user id of anyone who writes as a chat rather than as themselves. */
    public static final String ANONYMOUS = "anonymous";

    /** Telegram's stand-in senders: GroupAnonymousBot, Channel_Bot, and the "Telegram" service account. */
    static final Set<Long> SERVICE_SENDERS = Set.of(1087968824L, 136817688L, 777000L);

    private TelegramIds() {
    }

    /** The core user id of a message's author. */
    public static String userId(Message message) {
        if (message.getSenderChat() != null) {
            return ANONYMOUS;
        }
        return userId(message.getFrom());
    }

    /** The core user id of {@code user}. */
    public static String userId(User user) {
        if (user == null || user.getId() == null || SERVICE_SENDERS.contains(user.getId())) {
            return ANONYMOUS;
        }
        return String.valueOf(user.getId());
    }

    /** The user's Telegram language code ({@code language_code}, e.g. {@code zh-hans}), or null. */
    public static String locale(User user) {
        return user == null ? null : user.getLanguageCode();
    }

    /** The user's platform language: Chinese for a {@code zh} language code, English otherwise. */
    public static Language language(User user) {
        return Language.ofLocale(locale(user));
    }

    /**
     * The conversation whose memory follow-ups use: a private chat is one conversation; in a group
     * each user has their own (per forum topic), so one member's follow-up or {@code /new} does not
     * affect another's.
     */
    public static String conversationId(Message message, String userId) {
        StringBuilder id = new StringBuilder("telegram:").append(message.getChatId());
        if (message.isUserMessage()) {
            return id.toString();
        }
        if (message.isTopicMessage() && message.getMessageThreadId() != null) {
            id.append(":topic-").append(message.getMessageThreadId());
        }
        return id.append(":user-").append(userId).toString();
    }
}
