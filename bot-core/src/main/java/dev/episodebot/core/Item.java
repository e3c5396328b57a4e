package dev.episodebot.core;

import java.util.Objects;

/**
 * One entry of a list answer (one answer found) or of an informational list (a command, a file).
 *
 * @param text the entry, plain text; when {@code quote} is set it is that quote's answering line
 * @param quote the index in {@link BotReply#quotes()} of the quote whose answering line this item is, or -1
 *     when the text is written (by the LLM, or by the core for a list of files)
 * @param citation the index in {@link BotReply#citations()} of its source, or -1 when it has none
 */
public record Item(String text, int quote, int citation) {

    public Item {
        Objects.requireNonNull(text, "text");
        if (quote < -1 || citation < -1) {
            throw new IllegalArgumentException("quote and citation are an index or -1");
        }
    }

    /** A written entry without a source. */
    public static Item of(String text) {
        return new Item(text, -1, -1);
    }
}
