package dev.episodebot.core.overview;

import java.util.List;
import java.util.Objects;

/**
 * One topical section of an {@link Outline}.
 *
 * @param lineStart its first line
 * @param lineEnd its last line (inclusive)
 * @param startMillis the start of its first cue, or -1 when the file has no timecodes
 * @param endMillis the end of its last cue, or -1
 * @param title a short extractive title: the section's most distinctive phrases
 * @param keyLines one or two lines that represent the section best, in transcript order
 */
public record OutlineSection(int lineStart, int lineEnd, long startMillis, long endMillis, String title,
        List<Outline.KeyLine> keyLines) {

    public OutlineSection {
        Objects.requireNonNull(title, "title");
        keyLines = List.copyOf(keyLines);
        if (lineEnd < lineStart) {
            throw new IllegalArgumentException("section " + lineStart + "-" + lineEnd + " ends before it starts");
        }
    }

    /** Whether the file has timecodes for this section. */
    public boolean timed() {
        return startMillis >= 0;
    }

    /** The same section with another title (an LLM's). */
    public OutlineSection withTitle(String newTitle) {
        return new OutlineSection(lineStart, lineEnd, startMillis, endMillis, newTitle, keyLines);
    }
}
