/**
 * The in-process embedding models: which one a choice means
 * ({@link dev.episodebot.core.embedding.EmbeddingModels}, {@link dev.episodebot.core.embedding.EmbeddingModelSpec}),
 * loading them fast and checked ({@link dev.episodebot.core.embedding.FastOnnxEmbeddingModel},
 * {@link dev.episodebot.core.embedding.ModelFileCheck}), counting their tokens
 * ({@link dev.episodebot.core.embedding.TokenCounter}), and embedding questions and lines at question
 * time ({@link dev.episodebot.core.embedding.QueryEmbedder}, {@link dev.episodebot.core.embedding.LineVectors}).
 * Chunk vectors are stored in the index ({@code dev.episodebot.core.index}).
 */
package dev.episodebot.core.embedding;
