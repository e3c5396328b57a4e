/**
 * Keeping the index fresh while the bot runs: {@link dev.episodebot.core.refresh.KnowledgeWatcher}
 * watches the knowledge folder and its subfolders with the JDK {@link java.nio.file.WatchService}
 * and debounces bursts of changes (an editor's save-by-rename, a bulk copy) into one refresh. It
 * follows the folder by identity (real path and file key), so a folder replaced under its name or a
 * {@code KNOWLEDGE_DIR} link pointed elsewhere is noticed within a second.
 */
package dev.episodebot.core.refresh;
