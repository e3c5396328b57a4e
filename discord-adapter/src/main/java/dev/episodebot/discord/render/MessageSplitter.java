package dev.episodebot.discord.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plain text into Markdown-escaped parts that each fit in one Discord message. Like JDA's
 * {@code SplitUtil}, it prefers to cut at a paragraph, then a line, then a sentence end, then a
 * space, and only then anywhere; unlike it, it measures the parts after escaping, so an escape
 * backslash is never separated from its character and no part grows past the limit.
 */
public final class MessageSplitter {

    /** Discord's limit for the content of one message, in UTF-16 units (as JDA counts). */
    public static final int DISCORD_LIMIT = 2000;

    private static final String SENTENCE_ENDS = ".!?。！？；;";

    private MessageSplitter() {}

    /**
     * The escaped parts of {@code text}, in order, each at most {@code limit} characters; none for a
     * blank text.
     */
    public static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be at least 2");
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            String escaped = DiscordMarkdown.escape(rest);
            if (escaped.length() <= limit) {
                parts.add(escaped);
                break;
            }
            int cut = preferredCut(rest, longestFittingPrefix(rest, limit));
            String part = DiscordMarkdown.escape(rest.substring(0, cut).stripTrailing());
            while (part.length() > limit) { // a cut inside a web address can change its escaping
                cut = safeCut(rest, cut - 1);
                part = DiscordMarkdown.escape(rest.substring(0, cut).stripTrailing());
            }
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).strip();
        }
        return parts;
    }

    /** The longest prefix length whose escaped form fits (at least one character). */
    private static int longestFittingPrefix(String text, int limit) {
        int low = 1;
        int high = Math.min(text.length(), limit);
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (DiscordMarkdown.escape(text.substring(0, mid)).length() <= limit) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return safeCut(text, low);
    }

    /** Where to cut at or before {@code max}: the best boundary in the second half, else {@code max}. */
    private static int preferredCut(String text, int max) {
        int floor = max / 2;
        int paragraph = text.lastIndexOf("\n\n", max - 2);
        if (paragraph >= floor) {
            return paragraph + 2;
        }
        int line = text.lastIndexOf('\n', max - 1);
        if (line >= floor) {
            return line + 1;
        }
        for (int i = max - 1; i >= floor; i--) {
            char c = text.charAt(i);
            if (SENTENCE_ENDS.indexOf(c) >= 0 && (c > 0x2E80 || i + 1 >= text.length()
                    || Character.isWhitespace(text.charAt(i + 1)))) {
                return i + 1;
            }
        }
        for (int i = max - 1; i >= floor; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return max;
    }

    /** {@code cut}, moved back one if it would split a surrogate pair; never below 1. */
    private static int safeCut(String text, int cut) {
        int c = Math.max(1, cut);
        if (c < text.length() && c > 1 && Character.isHighSurrogate(text.charAt(c - 1))) {
            c--;
        }
        return c;
    }
}
