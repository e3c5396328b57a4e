package dev.episodebot.core.render;

import dev.episodebot.core.render.MessageSplitter.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * How one surface writes each kind of {@link Block}: Telegram HTML, Discord Markdown, plain text.
 * A surface implements the four methods; laying out, dispatching and splitting are shared.
 */
public interface Markup {

    Segment text(Block.Text text);

    Segment quote(Block.QuoteLines quote);

    Segment citation(Block.CitationLine citation);

    Segment entry(Block.Entry entry);

    /** The segments of {@code blocks}, in order. */
    default List<Segment> segments(List<Block> blocks) {
        List<Segment> segments = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            if (block instanceof Block.Text text) {
                segments.add(text(text));
            } else if (block instanceof Block.QuoteLines quote) {
                segments.add(quote(quote));
            } else if (block instanceof Block.CitationLine citation) {
                segments.add(citation(citation));
            } else if (block instanceof Block.Entry entry) {
                segments.add(entry(entry));
            }
        }
        return segments;
    }
}
