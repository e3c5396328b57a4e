package dev.episodebot.telegram.render;

import java.util.Objects;

/**
 * One line of a rendered reply. A line is never split across messages unless it alone is too
 * long; then only a {@link #text text line} is split (its markup is just escaping), while a markup
 * line falls back to its plain text first.
 *
 * @param html the line in Telegram HTML, tags balanced within the line
 * @param plain the same line without markup
 * @param markup whether {@code html} holds tags (not just escaped text)
 */
public record Line(String html, String plain, boolean markup) {

    public Line {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(plain, "plain");
    }

    /** A line of plain text, escaped. */
    public static Line text(String plain) {
        return new Line(TelegramHtml.escape(plain), plain, false);
    }

    /** A line with markup; {@code plain} is what it reads as without it. */
    public static Line markup(String html, String plain) {
        return new Line(html, plain, true);
    }
}
