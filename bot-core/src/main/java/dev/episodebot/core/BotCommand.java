package dev.episodebot.core;

import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.Locale;
import java.util.Optional;

/** The commands the core understands; every adapter maps its own syntax onto these. */
public enum BotCommand {
    /** Answer a question about the episode. */
    ASK(UiText.COMMAND_ASK),
    /** What the bot does and which episodes it knows. */
    HELP(UiText.COMMAND_HELP),
    /** The knowledge files and their chunk counts. */
    SOURCES(UiText.COMMAND_SOURCES),
    /** Forget this conversation's history. */
    NEW(UiText.COMMAND_NEW),
    /** Index size, embedding model, last refresh, skipped files. */
    STATUS(UiText.COMMAND_STATUS),
    /** Re-read the knowledge folder (admins only). */
    RELOAD(UiText.COMMAND_RELOAD),
    /** An episode's outline: sections with lines, times, titles and key lines (argument: the episode, optional). */
    OUTLINE(UiText.COMMAND_OUTLINE),
    /** An episode's summary: key lines, keywords, names (argument: the episode, optional). */
    SUMMARY(UiText.COMMAND_SUMMARY),
    /** Every line that contains a term (argument: the term). */
    SEARCH(UiText.COMMAND_SEARCH);

    private final UiText description;

    BotCommand(UiText description) {
        this.description = description;
    }

    /** The lower-case command word, e.g. {@code ask}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A one-line description for command menus, from the catalog. */
    public String description(Language language) {
        return Catalog.text(language, description);
    }

    /** A one-line English description, for command menus. */
    public String description() {
        return description(Language.EN);
    }

    /** A one-line Chinese description. */
    public String descriptionZh() {
        return description(Language.ZH);
    }

    /** The command whose word is {@code word} (case-insensitive, optional leading slash). */
    public static Optional<BotCommand> fromWord(String word) {
        String w = word.strip();
        if (w.startsWith("/")) {
            w = w.substring(1);
        }
        for (BotCommand command : values()) {
            if (command.word().equalsIgnoreCase(w)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
