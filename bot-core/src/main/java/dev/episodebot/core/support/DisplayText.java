package dev.episodebot.core.support;

/**
 * Makes text safe to show on a chat app or a terminal: no control characters but line breaks
 * and tabs (so no ESC/CSI/OSC sequences, BEL or NUL reach a console), no bidirectional
 * controls or other invisible format characters (the zero-width joiner of emoji sequences
 * stays), Unicode line and paragraph separators as line breaks. What is left of an escape
 * sequence is inert printable text. Names (titles, file names) are also shortened for display.
 */
public final class DisplayText {

    /** The longest title or file name shown, in code points. */
    public static final int MAX_NAME = 120;

    private DisplayText() {}

    /** {@code text} without control and format characters; null stays null. */
    public static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0x2028 || cp == 0x2029) {
                sb.append('\n');
            } else if (keep(cp)) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /**
     * A title or file name for display: cleaned, on one line, at most {@link #MAX_NAME} code points;
     * a longer one keeps its beginning and its end (where file names differ) around a {@code …}.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String oneLine = clean(name).replace('\n', ' ').replace('\t', ' ');
        int length = oneLine.codePointCount(0, oneLine.length());
        if (length <= MAX_NAME) {
            return oneLine;
        }
        int keepEnd = MAX_NAME / 3;
        int headEnd = oneLine.offsetByCodePoints(0, MAX_NAME - keepEnd - 1);
        int tailStart = oneLine.offsetByCodePoints(0, length - keepEnd);
        return oneLine.substring(0, headEnd) + "…" + oneLine.substring(tailStart);
    }

    /** {@code text} cut to at most {@code max} code points, ending with {@code …} when cut. */
    public static String shorten(String text, int max) {
        if (text == null || text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.max(0, max - 1));
        return text.substring(0, end) + "…";
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F
                    || c >= 0x2000 && c <= 0x206F || c == 0xFEFF || c == 0x061C || c == 0x00AD
                    || Character.isSurrogate(c) || c >= 0xFFF0) {
                return false; // controls, or a range that holds format characters: look closer
            }
        }
        return true;
    }

    private static boolean keep(int cp) {
        if (cp == '\n' || cp == '\t') {
            return true;
        }
        if (Character.isISOControl(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT) {
            return cp == 0x200D; // zero-width joiner: part of emoji sequences
        }
        return type != Character.SURROGATE; // an unpaired surrogate
    }
}
