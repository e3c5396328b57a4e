/**
 * Hybrid retrieval over the chunks of the knowledge folder: an in-process langchain4j
 * {@link dev.langchain4j.model.embedding.EmbeddingModel} (chosen by
 * {@link dev.episodebot.core.retrieval.EmbeddingModels}, loaded fast by
 * {@link dev.episodebot.core.retrieval.FastOnnxEmbeddingModel}) fills a langchain4j
 * {@code EmbeddingStore} ({@link dev.episodebot.core.retrieval.DenseVectorStore}: one contiguous,
 * pre-normalised matrix), Lucene BM25 over
 * CJK bigrams and Latin words gives the lexical side ({@link dev.episodebot.core.retrieval.LexicalIndex}),
 * and {@link dev.episodebot.core.retrieval.HybridRetriever} fuses both through langchain4j's
 * {@link dev.langchain4j.rag.content.aggregator.DefaultContentAggregator} (reciprocal rank fusion).
 * Embeddings are cached on disk ({@link dev.episodebot.core.retrieval.DiskEmbeddingCache}) so a
 * restart with unchanged knowledge embeds nothing. A {@link dev.episodebot.core.retrieval.KnowledgeIndex}
 * is immutable: a refresh builds a new one (the BM25 side incrementally, per changed file) and
 * swaps it in.
 */
package dev.episodebot.core.retrieval;
