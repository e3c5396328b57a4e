package dev.episodebot.core.llm;

/**
 * Lines of one episode, by line number (both inclusive): what a context is assembled from.
 *
 * @param source the episode's file, relative to the knowledge folder
 * @param firstLine the first line number
 * @param lastLine the last line number (at least {@code firstLine})
 */
public record LineRange(String source, int firstLine, int lastLine) {

    public LineRange {
        if (lastLine < firstLine) {
            throw new IllegalArgumentException("lastLine " + lastLine + " before firstLine " + firstLine);
        }
    }
}
