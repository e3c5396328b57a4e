/**
 * The episode at a glance: its outline (topical sections with titles, key lines and timecodes), a
 * summary (central, mutually different lines, keywords, names), search over every line, and the
 * answer to "what is this episode about?". {@link dev.episodebot.core.overview.OutlineDeriver}
 * computes the extractive outline at index time (kept in the index by content hash);
 * {@link dev.episodebot.core.overview.EpisodeOverviews} serves the commands and overview
 * questions; with an LLM, {@link dev.episodebot.core.overview.LlmOutlineWriter} writes section
 * titles and the summary, kept in a {@link dev.episodebot.core.overview.SummaryCache}.
 */
package dev.episodebot.core.overview;
