package dev.episodebot.core.knowledge;

/**
 * A knowledge file that was not indexed, and why.
 *
 * @param source path relative to the knowledge folder
 * @param reason a short human reason, e.g. "not valid UTF-8 (byte 0xB5 at offset 12)"
 */
public record SkippedFile(String source, String reason) {}
