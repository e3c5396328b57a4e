package dev.episodebot.core;

import java.util.List;
import java.util.Objects;

/**
 * Verbatim transcript lines quoted in a reply.
 *
 * @param lines the transcript lines, verbatim and in order (never empty, no line breaks inside a line)
 * @param answerLine the index in {@code lines} of the line that answers the question, or -1 when none does
 *     (a quote given as context only)
 * @param citation the index in {@link BotReply#citations()} of the citation these lines come from
 */
public record Quote(List<String> lines, int answerLine, int citation) {

    public Quote {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a quote holds at least one line");
        }
        if (answerLine < -1 || answerLine >= lines.size()) {
            throw new IllegalArgumentException("answerLine " + answerLine + " outside the quote's " + lines.size() + " lines");
        }
        if (citation < 0) {
            throw new IllegalArgumentException("a quote names its citation");
        }
    }

    /** The answering line, or null when no line of the quote is marked as the answer. */
    public String answerText() {
        return answerLine < 0 ? null : lines.get(answerLine);
    }
}
