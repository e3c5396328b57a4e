package dev.episodebot.discord.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes plain text (transcript quotes, LLM answers) so Discord shows it as written: characters
 * that would start bold, italics, strike-through, spoilers, code or masked links get a backslash,
 * and so do headings, block quotes and list bullets at the start of a line. Web addresses are kept
 * as they are, clickable, inside {@code <…>} so that Discord does not unfurl them into previews.
 * Escaping is per character, so escaping the parts of a text and joining them gives the escaped
 * text (except where a part starts a new line or cuts a web address).
 */
public final class DiscordMarkdown {

    /** A web address, without the punctuation that usually ends the sentence around it. */
    private static final Pattern URL = Pattern.compile("(?i)https?://[^\\s<>]*[^\\s<>.,;:!?)\\]}'\"]");

    /** Characters with a meaning anywhere in a line. */
    private static final String INLINE = "\\*_~`|[]";

    /** Characters with a meaning at the start of a line: heading, block quote, list bullet, subtext. */
    private static final String LINE_START = "#>-+";

    private DiscordMarkdown() {}

    /**
     * A link target for {@code [text](<url>)}: the characters that would end it or break the
     * Markdown percent-encoded.
     */
    public static String linkTarget(String url) {
        return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E").replace("(", "%28").replace(")", "%29");
    }

    /** The text with Markdown escaped; the first character counts as the start of a line. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher url = URL.matcher(text);
        int nextUrl = url.find() ? url.start() : -1;
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            if (i == nextUrl) {
                out.append('<').append(text, url.start(), url.end()).append('>');
                i = url.end() - 1;
                nextUrl = url.find() ? url.start() : -1;
                lineStart = false;
                continue;
            }
            char c = text.charAt(i);
            if (lineStart && LINE_START.indexOf(c) >= 0 || INLINE.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
            if (c == '\n') {
                lineStart = true;
            } else if (c != ' ' && c != '\t') {
                lineStart = false;
            }
        }
        return out.toString();
    }
}
