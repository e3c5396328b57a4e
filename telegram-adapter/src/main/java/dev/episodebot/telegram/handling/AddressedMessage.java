package dev.episodebot.telegram.handling;

import dev.episodebot.core.BotCommand;
import java.util.Objects;

/**
 * A message the bot should answer, reduced to a core command and its text (without the command
 * word and the bot's mention).
 */
public record AddressedMessage(BotCommand command, String text) {

    public AddressedMessage {
        Objects.requireNonNull(command, "command");
        text = text == null ? "" : text;
    }
}
