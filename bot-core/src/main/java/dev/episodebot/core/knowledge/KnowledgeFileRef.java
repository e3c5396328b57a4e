package dev.episodebot.core.knowledge;

import java.nio.file.Path;

/**
 * A knowledge file found on disk, with what is needed to tell whether it changed.
 *
 * @param path where it is
 * @param source its name relative to the knowledge folder, with {@code /} separators
 * @param size its size in bytes
 * @param modifiedMillis its last-modified time
 */
public record KnowledgeFileRef(Path path, String source, long size, long modifiedMillis) {}
