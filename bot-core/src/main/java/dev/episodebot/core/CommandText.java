package dev.episodebot.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code /command args} text as people type it in a chat or on the console: a slash, a command
 * word (letters, digits, underscores), optionally {@code @BotName} (Telegram addresses commands to
 * one bot this way), then the arguments. Every surface parses commands with this one class.
 *
 * @param word the command word, lower case, without the slash
 * @param target the bot the command is addressed to ({@code /ask@BotName}), or null
 * @param args the rest of the text, stripped; empty when there is none
 */
public record CommandText(String word, String target, String args) {

    private static final Pattern COMMAND =
            Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=\\s|$)");

    /** The command at the start of {@code text} (leading whitespace ignored), or empty when it has none. */
    public static Optional<CommandText> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        Matcher m = COMMAND.matcher(stripped);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new CommandText(m.group(1).toLowerCase(Locale.ROOT), m.group(2),
                stripped.substring(m.end()).strip()));
    }

    /**
     * The core command this word names: a {@link BotCommand} word, or {@code start} (Telegram's
     * first message), which means help.
     */
    public Optional<BotCommand> command() {
        if (word.equals("start")) {
            return Optional.of(BotCommand.HELP);
        }
        return BotCommand.fromWord(word);
    }

    /**
     * What a typed line asks for: its command and arguments, or a question ({@link BotCommand#ASK}
     * with the whole text) when it does not start with a known command.
     */
    public static Resolved resolve(String text) {
        String stripped = text == null ? "" : text.strip();
        Optional<CommandText> parsed = parse(stripped);
        if (parsed.isPresent() && parsed.get().command().isPresent()) {
            return new Resolved(parsed.get().command().get(), parsed.get().args());
        }
        return new Resolved(BotCommand.ASK, stripped);
    }

    /**
     * A command with its text.
     *
     * @param command the core command; {@link BotCommand#ASK} for a plain question
     * @param text the arguments (the whole text for a question)
     */
    public record Resolved(BotCommand command, String text) {}
}
