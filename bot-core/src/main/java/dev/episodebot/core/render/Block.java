package dev.episodebot.core.render;

import dev.episodebot.core.Quote;
import java.util.List;

/**
 * One piece of a laid-out reply ({@link ReplyLayout}), in reading order, with no markup: each
 * surface turns it into its own (Telegram HTML, Discord Markdown, plain text).
 */
public sealed interface Block {

    /** How many line breaks separate this block from the one before: 1 (next line) or 2 (a blank line). */
    int gap();

    /** What a text block is. */
    enum Style {
        /** A notice (shown in italics where the surface has them). */
        NOTE,
        /** Ordinary text: the lead, an intro line. */
        PLAIN,
        /** A heading (shown in bold where the surface has it). */
        HEADING
    }

    /** Lines of text. */
    record Text(List<String> lines, Style style, int gap) implements Block {
        public Text {
            lines = List.copyOf(lines);
        }
    }

    /** A quote: its verbatim lines, the answering line to be marked. */
    record QuoteLines(Quote quote, int gap) implements Block {}

    /** A compact citation line. */
    record CitationLine(CitationText citation, int gap) implements Block {}

    /**
     * One entry of a list.
     *
     * @param number its number ({@code 1.}), or 0 for a bullet
     * @param text the entry text
     * @param marked whether the text is an answering line (marked like one in a quote)
     */
    record Entry(int number, String text, boolean marked, int gap) implements Block {}
}
