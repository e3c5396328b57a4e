/**
 * The query side of retrieval, over one question's {@link dev.episodebot.core.index.IndexView}:
 * {@link dev.episodebot.core.retrieval.DenseSearcher} (HNSW over the chunk vectors, rescored exactly),
 * {@link dev.episodebot.core.retrieval.LexicalSearcher} (BM25 over CJK bigrams and Latin words, and
 * the term statistics the answerer needs, weighted by {@link dev.episodebot.core.retrieval.QueryTermWeights}),
 * and {@link dev.episodebot.core.retrieval.HybridRetriever}, the one path that fuses both by
 * reciprocal rank fusion into {@link dev.episodebot.core.retrieval.RetrievedPassage}s.
 */
package dev.episodebot.core.retrieval;
