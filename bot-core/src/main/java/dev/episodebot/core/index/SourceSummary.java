package dev.episodebot.core.index;

/**
 * One indexed knowledge file.
 *
 * @param source path relative to the knowledge folder
 * @param title the episode title (front matter, else the file name)
 * @param lines transcript lines read
 * @param chunks chunks indexed
 */
public record SourceSummary(String source, String title, int lines, int chunks) {}
