package dev.episodebot.core.knowledge;

import java.util.List;

/**
 * A retrievable piece of a transcript, with its provenance.
 *
 * @param source the file it comes from (relative to the knowledge folder)
 * @param title the episode title, or null
 * @param url the episode link, or null
 * @param lines the transcript lines (or sentence-sized pieces of long lines) it holds, in order
 * @param text the lines joined with line breaks; pieces of one line are joined back without one
 */
public record Chunk(String source, String title, String url, List<TranscriptLine> lines, String text) {

    public Chunk {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a chunk holds at least one line");
        }
    }

    public int lineStart() {
        return lines.get(0).lineNumber();
    }

    public int lineEnd() {
        return lines.get(lines.size() - 1).lineNumber();
    }

    /** Start of the first cue in milliseconds, or -1 when the file has no timecodes. */
    public long startMillis() {
        return lines.get(0).startMillis();
    }

    /** End of the last cue in milliseconds, or -1. */
    public long endMillis() {
        return lines.get(lines.size() - 1).endMillis();
    }
}
