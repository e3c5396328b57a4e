/**
 * Building and keeping the index. {@link dev.episodebot.core.index.KnowledgeBase} holds the current
 * {@link dev.episodebot.core.index.IndexState} (immutable: episodes, chunks, the knowledge's language,
 * the model, a Lucene searcher) and replaces it on each refresh with one reference write;
 * {@link dev.episodebot.core.index.IndexBuilder} makes the next state from the previous one and the
 * files that changed; {@link dev.episodebot.core.index.IndexStore} is the one persistent store, a
 * Lucene index in {@code CACHE_DIR/index} (chunk, line and episode documents, BM25 fields, int8-quantized
 * HNSW vectors, one commit per refresh, checksums verified on open) that is also the embedding cache.
 * Values derived from an episode at index time ({@link dev.episodebot.core.index.EpisodeDeriver}) are
 * kept there by content hash.
 */
package dev.episodebot.core.index;
