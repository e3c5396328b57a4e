package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.Chunk;
import java.util.List;

/**
 * A stage that derives a value from one episode at index time (an outline, a summary, keywords).
 * The value is computed once per content hash: it is stored with the episode in the index and
 * restored with it after a restart; a changed file gets a new value, unchanged files keep theirs.
 * Values are bytes so that each stage picks its own encoding.
 */
public interface EpisodeDeriver {

    /** The value's name, with a version of its format: a value stored under another name is recomputed. */
    String name();

    /**
     * Derives the value.
     *
     * @param episode the episode (its lines, front matter and content hash)
     * @param chunks its chunks, in order
     * @param chunkVectors the unit vectors of those chunks, same order (as the index holds them)
     */
    byte[] derive(EpisodeRecord episode, List<Chunk> chunks, List<float[]> chunkVectors);
}
