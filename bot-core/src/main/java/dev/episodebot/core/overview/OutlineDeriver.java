package dev.episodebot.core.overview;

import dev.episodebot.core.index.EpisodeDeriver;
import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.knowledge.Chunk;
import java.util.List;

/**
 * Computes each episode's extractive {@link Outline} at index time ({@link OutlineBuilder}); the
 * index keeps it by the episode's content hash, so a restart recomputes nothing and a changed file
 * recomputes only its own.
 */
public final class OutlineDeriver implements EpisodeDeriver {

    /** The derived value's name; the version changes with the outline's format or algorithm. */
    public static final String NAME = "outline-v1";

    private final OutlineBuilder builder = new OutlineBuilder();

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The line numbers of {@code episode}'s summary as the index keeps it (empty before it is
     * derived): the lines an LLM catalogue of the episodes shows besides the opening and closing ones.
     */
    public static List<Integer> keyLines(EpisodeRecord episode) {
        return episode.derived(NAME).flatMap(OutlineCodec::decode)
                .map(outline -> outline.summary().stream().map(Outline.KeyLine::line).toList())
                .orElse(List.of());
    }

    @Override
    public byte[] derive(EpisodeRecord episode, List<Chunk> chunks, List<float[]> chunkVectors) {
        return OutlineCodec.encode(builder.build(episode, chunks, chunkVectors));
    }
}
