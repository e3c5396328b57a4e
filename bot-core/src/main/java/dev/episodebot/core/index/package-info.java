/**
 * Building and keeping the index. {@link dev.episodebot.core.index.KnowledgeBase} holds the current
 * {@link dev.episodebot.core.index.IndexState} (immutable: episodes, chunks, the knowledge's language,
 * the model, a Lucene searcher) and replaces it on each refresh with one reference write;
 * {@link dev.episodebot.core.index.IndexBuilder} makes the next state from the previous one and the
 * files that changed; {@link dev.episodebot.core.index.IndexStore} is the one persistent store, a
 * Lucene index in {@code CACHE_DIR/index} (chunk, line and episode documents, BM25 fields, int8-quantized
 * HNSW vectors, one commit per refresh, checksums verified on open) that is also the embedding cache.
 * Values derived from an episode at index time ({@link dev.episodebot.core.index.EpisodeDeriver}) are
 * kept there by content hash. A state's searcher runs one question's search over the index's segments on
 * every core ({@code SegmentSearchers}), and {@link dev.episodebot.core.index.IndexView#alongside} runs other
 * work of the question beside it.
 *
 * <p>A state does not hold its episodes' lines and chunks: {@link dev.episodebot.core.index.StoredEpisodes}
 * reads them from the episode documents when a question or command first needs them (a bounded cache
 * keeps the recent ones). At a start the episodes the index holds stand for the previous state
 * ({@link dev.episodebot.core.index.RestoredState}): a file whose size and last-modified time are those
 * recorded ({@link dev.episodebot.core.index.FileStamp}) is not read; any other is read, and bytes that
 * hash as recorded keep their episode; the content check a few seconds after a start reads every file.
 */
package dev.episodebot.core.index;
