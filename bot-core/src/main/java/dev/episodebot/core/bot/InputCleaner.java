package dev.episodebot.core.bot;

import java.text.Normalizer;

/**
 * Makes user text safe to process: NFC normalisation, no control characters (NUL included), no
 * bidirectional overrides, at most two combining marks per character (no "Zalgo" floods), runs
 * of whitespace collapsed.
 */
public final class InputCleaner {

    private static final int MAX_COMBINING = 2;

    private InputCleaner() {}

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(Math.min(normalized.length(), 1 << 20));
        int combining = 0;
        boolean space = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                space = sb.length() > 0;
                combining = 0;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.FORMAT && !(cp == 0x200D)) {
                continue; // bidi marks and overrides, zero-width spaces, BOM; keep ZWJ for emoji sequences
            }
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                if (++combining > MAX_COMBINING) {
                    continue;
                }
            } else {
                combining = 0;
            }
            if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
