package dev.episodebot.core.knowledge;

/**
 * One line of transcript text with where it stands in its file.
 *
 * @param lineNumber 1-based line number in the file
 * @param text the verbatim text (never contains a line break)
 * @param startMillis start of its subtitle cue in milliseconds, or -1 when the file has no timecodes
 * @param endMillis end of its subtitle cue in milliseconds, or -1
 */
public record TranscriptLine(int lineNumber, String text, long startMillis, long endMillis) {

    public static TranscriptLine untimed(int lineNumber, String text) {
        return new TranscriptLine(lineNumber, text, -1, -1);
    }

    public boolean timed() {
        return startMillis >= 0;
    }
}
