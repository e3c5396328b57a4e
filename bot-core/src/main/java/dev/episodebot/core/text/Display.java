package dev.episodebot.core.text;

/**
 * Shortens names for display: episode titles and file names come from operators' files and can
 * be any length (a 600 KB {@code title:} line), so every surface shows at most a bounded number
 * of characters of them, whitespace runs collapsed, cut at whole code points with an ellipsis.
 */
public final class Display {

    /** The longest episode title shown. */
    public static final int TITLE = 80;
    /** The longest file name (path in the knowledge folder) shown. */
    public static final int FILE = 80;

    private Display() {}

    /** {@code text} on one line, at most {@code max} code points (the last one an ellipsis when cut). */
    public static String shorten(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        if (text == null) {
            return "";
        }
        // look at a bounded prefix only: a huge title costs no more than a short one
        String head = text;
        if (text.length() > max * 4 + 16) {
            int end = max * 4 + 16;
            head = text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
        }
        String oneLine = head.replaceAll("\\s+", " ").strip();
        boolean cut = head.length() < text.length();
        if (!cut && oneLine.codePointCount(0, oneLine.length()) <= max) {
            return oneLine;
        }
        if (oneLine.codePointCount(0, oneLine.length()) <= max - 1) {
            return oneLine + "…";
        }
        int end = oneLine.offsetByCodePoints(0, max - 1);
        return oneLine.substring(0, end).stripTrailing() + "…";
    }

    /** An episode title for display. */
    public static String title(String title) {
        return shorten(title, TITLE);
    }

    /** A file name for display. */
    public static String file(String source) {
        return shorten(source, FILE);
    }
}
