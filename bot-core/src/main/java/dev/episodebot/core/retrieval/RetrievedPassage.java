package dev.episodebot.core.retrieval;

import dev.episodebot.core.knowledge.Chunk;

/**
 * A chunk retrieved for a question, with the evidence of each retriever.
 *
 * @param chunk the chunk
 * @param ordinal its position in the index
 * @param cosine the best cosine similarity to any query variant (NaN when the dense side did not return it)
 * @param bm25 the best BM25 score for any query variant (0 when the lexical side did not return it)
 * @param fused its reciprocal-rank-fusion order (0 = best)
 * @param score its reciprocal-rank-fusion score (sum of 1 / (60 + rank) over the ranked lists)
 */
public record RetrievedPassage(Chunk chunk, int ordinal, double cosine, double bm25, int fused, double score) {}
