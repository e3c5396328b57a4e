package dev.episodebot.core;

import java.util.Objects;

/**
 * Where a quoted passage comes from.
 *
 * @param source the knowledge file, relative to the knowledge folder, with {@code /} separators
 * @param lineStart first line number in the file (1-based)
 * @param lineEnd last line number in the file (inclusive)
 * @param start start timecode ({@code HH:MM:SS}) when the file has timecodes, else null
 * @param end end timecode when the file has timecodes, else null
 * @param url a link to the episode (at the moment, {@code t=} seconds, when timecoded), else null
 * @param quote the verbatim transcript text this citation supports
 * @param title the episode title from the file's front matter, else null
 */
public record Citation(
        String source, int lineStart, int lineEnd, String start, String end, String url, String quote, String title) {

    public Citation {
        Objects.requireNonNull(source, "source");
        quote = quote == null ? "" : quote;
    }

    /** A short human label: {@code file.txt L12-14 @00:01:02}. */
    public String label() {
        StringBuilder sb = new StringBuilder(source);
        sb.append(lineStart == lineEnd ? " L" + lineStart : " L" + lineStart + "-" + lineEnd);
        if (start != null) {
            sb.append(" @").append(start);
        }
        return sb.toString();
    }
}
