package dev.episodebot.core.knowledge;

/**
 * How big chunks are.
 *
 * @param targetChars a chunk grows by whole lines until adding the next one would pass this
 * @param overlapChars about this many characters of whole lines are repeated at the start of the next chunk
 * @param maxTokens no chunk may exceed the embedding model's input limit in tokens
 */
public record ChunkingOptions(int targetChars, int overlapChars, int maxTokens) {

    public ChunkingOptions {
        if (targetChars < 10 || overlapChars < 0 || overlapChars >= targetChars || maxTokens < 8) {
            throw new IllegalArgumentException("invalid chunking options");
        }
    }
}
