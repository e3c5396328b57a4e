package dev.episodebot.core.render;

import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.Display;
import dev.episodebot.core.text.UiText;
import java.util.Locale;

/**
 * The pieces of one compact citation line, ready for any surface: {@code —— Yi Tay 重返谷歌 · 第
 * 113–116 行 · 00:03:05}, the timecode (or, without one, the title) linked to the moment when the
 * episode has a web link. The title is the episode's (or the file name), shortened for display.
 *
 * @param number the number the reply's text refers to ({@code [1]}), or 0 when unnumbered
 * @param prefix the dash that introduces the line, in the reply's language
 * @param title the episode title or file name, shortened
 * @param lines {@code 第 113–116 行} / {@code lines 113–116}
 * @param time the timecode ({@code 00:03:05} or {@code 00:03:05–00:03:20}), or null without one
 * @param url an http(s) link to the episode (at the moment when timecoded), or null
 */
public record CitationText(int number, String prefix, String title, String lines, String time, String url) {

    /** The separator between the pieces. */
    public static final String SEPARATOR = " · ";

    public static CitationText of(Citation citation, int number, Language language) {
        String lines = citation.lineStart() == citation.lineEnd()
                ? Catalog.text(language, UiText.CITATION_LINE, citation.lineStart())
                : Catalog.text(language, UiText.CITATION_LINES, citation.lineStart(), citation.lineEnd());
        String time = null;
        if (citation.start() != null) {
            time = citation.end() != null && !citation.end().equals(citation.start())
                    ? citation.start() + "\u2013" + citation.end() : citation.start();
        }
        String name = citation.title() != null && !citation.title().isBlank()
                ? Display.title(citation.title()) : Display.file(citation.source());
        return new CitationText(number, Catalog.text(language, UiText.CITATION_PREFIX), name, lines, time,
                isWebLink(citation.url()) ? citation.url() : null);
    }

    /** {@code [1] } for a numbered citation, else empty. */
    public String numberLabel() {
        return number > 0 ? "[" + number + "] " : "";
    }

    /** Whether the link is linked on the timecode (else on the title). */
    public boolean linksTime() {
        return url != null && time != null;
    }

    /** The line as plain text, the link spelled out at its end. */
    public String plain() {
        StringBuilder sb = new StringBuilder(numberLabel()).append(prefix).append(title).append(SEPARATOR).append(lines);
        if (time != null) {
            sb.append(SEPARATOR).append(time);
        }
        if (url != null) {
            sb.append(SEPARATOR).append(url);
        }
        return sb.toString();
    }

    /**
     * Whether {@code url} is a web link a reply may carry: {@code http} or {@code https} (any case),
     * no whitespace or control characters.
     */
    public static boolean isWebLink(String url) {
        if (url == null || url.isBlank() || url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") ? lower.length() > "https://".length()
                : lower.startsWith("http://") && lower.length() > "http://".length();
    }
}
