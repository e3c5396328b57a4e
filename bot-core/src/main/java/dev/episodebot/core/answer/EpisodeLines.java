package dev.episodebot.core.answer;

import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole transcripts behind one question's index view, by source: a line's neighbours are read
 * here, not from the chunk it was found in, so a window around a line at a chunk's edge is whole.
 */
final class EpisodeLines {

    private final Function<String, List<TranscriptLine>> lookup;
    private final Map<String, List<TranscriptLine>> bySource = new HashMap<>();

    EpisodeLines(Function<String, List<TranscriptLine>> lookup) {
        this.lookup = lookup;
    }

    static EpisodeLines of(IndexView index) {
        return new EpisodeLines(source -> {
            EpisodeRecord episode = index.state().episode(source);
            return episode == null ? List.of() : episode.lines();
        });
    }

    /** The lines of {@code source} (empty when unknown). */
    List<TranscriptLine> lines(String source) {
        return bySource.computeIfAbsent(source, s -> List.copyOf(lookup.apply(s)));
    }

    /** The position of line {@code lineNumber} among the lines of {@code source}, or -1. */
    int indexOf(String source, int lineNumber) {
        List<TranscriptLine> lines = lines(source);
        int lo = 0;
        int hi = lines.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int n = lines.get(mid).lineNumber();
            if (n == lineNumber) {
                return mid;
            }
            if (n < lineNumber) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /**
     * Line {@code lineNumber} of {@code source} with up to {@code before} lines before and {@code after}
     * after it (just the line when the transcript is unknown; empty when the line is).
     */
    List<TranscriptLine> window(String source, int lineNumber, int before, int after) {
        List<TranscriptLine> lines = lines(source);
        int at = indexOf(source, lineNumber);
        if (at < 0) {
            return List.of();
        }
        return lines.subList(Math.max(0, at - before), Math.min(lines.size(), at + after + 1));
    }

    /** The window around {@code line} of {@code passage}'s transcript, falling back to the chunk's own lines. */
    List<TranscriptLine> window(RetrievedPassage passage, TranscriptLine line, int before, int after) {
        Chunk chunk = passage.chunk();
        List<TranscriptLine> window = window(chunk.source(), line.lineNumber(), before, after);
        if (!window.isEmpty()) {
            return window;
        }
        List<TranscriptLine> own = chunk.lines();
        int at = own.indexOf(line);
        if (at < 0) {
            return List.of(line);
        }
        return own.subList(Math.max(0, at - before), Math.min(own.size(), at + after + 1));
    }
}
