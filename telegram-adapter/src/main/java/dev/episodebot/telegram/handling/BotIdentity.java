package dev.episodebot.telegram.handling;

import java.util.Objects;

/**
 * Who the bot is on Telegram, from {@code getMe}: needed to tell mentions, {@code /ask@BotName}
 * and replies to the bot's own messages apart from everything else in a group.
 *
 * @param id the bot's user id
 * @param username the bot's username, without {@code @}
 */
public record BotIdentity(long id, String username) {

    public BotIdentity {
        Objects.requireNonNull(username, "username");
        if (username.startsWith("@")) {
            username = username.substring(1);
        }
    }

    /** Whether {@code name} (with or without {@code @}) is this bot's username; usernames ignore case. */
    public boolean isNamed(String name) {
        String n = name.startsWith("@") ? name.substring(1) : name;
        return !username.isEmpty() && username.equalsIgnoreCase(n);
    }
}
