package dev.episodebot.core.llm;

import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.List;

/**
 * One episode's part of an {@link LlmContext}: the lines it shows, in transcript order (runs of
 * consecutive lines, with gaps where lines were left out).
 *
 * @param id the episode's id in the prompt ({@code E1}, {@code E2}, …), or null when the context holds one episode
 * @param episode the episode
 * @param lines the lines shown, in transcript order
 * @param whole whether every line of the episode is shown
 */
public record ContextBlock(String id, EpisodeRecord episode, List<TranscriptLine> lines, boolean whole) {

    public ContextBlock {
        lines = List.copyOf(lines);
    }

    /** The episode's title as the prompt names it: its front matter title, or its file name. */
    public String title() {
        return episode.title() == null || episode.title().isBlank() ? episode.source() : episode.title();
    }
}
