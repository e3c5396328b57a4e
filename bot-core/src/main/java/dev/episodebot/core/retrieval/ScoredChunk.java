package dev.episodebot.core.retrieval;

/**
 * A chunk found by one side of retrieval.
 *
 * @param ordinal its position in the index state's chunks
 * @param score the side's score: cosine similarity (dense) or BM25 (lexical)
 */
public record ScoredChunk(int ordinal, double score) {}
