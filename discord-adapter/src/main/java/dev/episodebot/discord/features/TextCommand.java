package dev.episodebot.discord.features;

import dev.episodebot.core.BotCommand;
import java.util.Optional;

/**
 * A command typed as text in a mention or a DM ({@code @bot /sources}, {@code /help}); anything
 * else is a question.
 *
 * @param command the command; {@link BotCommand#ASK} for a plain question
 * @param text the text after the command word (the whole text for a question)
 */
record TextCommand(BotCommand command, String text) {

    /** Reads a leading {@code /word} naming a core command. */
    static TextCommand parse(String text) {
        String stripped = text.strip();
        if (stripped.startsWith("/")) {
            int end = 1;
            while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
                end++;
            }
            Optional<BotCommand> command = BotCommand.fromWord(stripped.substring(0, end));
            if (command.isPresent()) {
                return new TextCommand(command.get(), stripped.substring(end).strip());
            }
        }
        return new TextCommand(BotCommand.ASK, stripped);
    }
}
