/**
 * Knowledge ingestion: finding transcript files under the knowledge folder
 * ({@link dev.episodebot.core.knowledge.KnowledgeScanner}), decoding and parsing them
 * ({@link dev.episodebot.core.knowledge.KnowledgeReader}, one
 * {@link dev.episodebot.core.knowledge.TranscriptParser} per format), and splitting them into
 * overlapping chunks that keep their provenance ({@link dev.episodebot.core.knowledge.Chunker}).
 * A file that cannot be read becomes a {@link dev.episodebot.core.knowledge.SkippedFile} with a
 * reason; it never stops the others. Only regular files whose real path is inside the knowledge
 * folder are ever opened.
 */
package dev.episodebot.core.knowledge;
