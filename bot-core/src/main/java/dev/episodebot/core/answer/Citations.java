package dev.episodebot.core.answer;

import dev.episodebot.core.Citation;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.Chunker;
import dev.episodebot.core.knowledge.SubtitleParser;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.List;

/** Builds {@link Citation}s from transcript lines, with a link to the moment when the file is timecoded. */
public final class Citations {

    private Citations() {}

    /** A citation for consecutive lines of a chunk, quoting them verbatim. */
    public static Citation of(Chunk chunk, List<TranscriptLine> lines) {
        TranscriptLine first = lines.get(0);
        TranscriptLine last = lines.get(lines.size() - 1);
        String start = first.timed() ? SubtitleParser.format(first.startMillis()) : null;
        String end = last.timed() ? SubtitleParser.format(last.endMillis()) : null;
        return new Citation(chunk.source(), first.lineNumber(), last.lineNumber(), start, end,
                link(chunk.url(), first), Chunker.join(lines), chunk.title());
    }

    /** A citation for a whole chunk. */
    public static Citation of(Chunk chunk) {
        return of(chunk, chunk.lines());
    }

    /** The episode link, at the line's moment ({@code t=} seconds) when it has one. */
    static String link(String url, TranscriptLine line) {
        if (url == null) {
            return null;
        }
        if (!line.timed()) {
            return url;
        }
        long seconds = line.startMillis() / 1000;
        String base = url.replaceAll("([?&])t=[0-9hms]+(&|$)", "$1").replaceAll("[?&]$", "");
        return base + (base.contains("?") ? "&" : "?") + "t=" + seconds;
    }
}
