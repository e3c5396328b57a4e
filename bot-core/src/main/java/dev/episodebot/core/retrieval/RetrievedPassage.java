package dev.episodebot.core.retrieval;

import dev.episodebot.core.knowledge.Chunk;

/**
 * A chunk retrieved for a question, with the evidence of each side of retrieval.
 *
 * @param chunk the chunk
 * @param ordinal its position in the index state
 * @param cosine the best cosine similarity to any query variant (NaN when the dense side did not return it)
 * @param bm25 the best BM25 score for any query variant (0 when the lexical side did not return it)
 * @param fused its position in the fused order (0 = best)
 * @param score its reciprocal-rank-fusion score, the one the fused order is sorted by
 */
public record RetrievedPassage(Chunk chunk, int ordinal, double cosine, double bm25, int fused, double score) {}
