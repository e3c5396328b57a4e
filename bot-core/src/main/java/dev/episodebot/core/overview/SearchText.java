package dev.episodebot.core.overview;

import dev.episodebot.core.Language;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Text folded for search: NFKC (full-width Ａ and ３ become A and 3, compatibility forms their
 * plain ones), lower case, every run of whitespace one space, and no space next to a CJK character
 * (transcripts write {@code Yi Tay 在} and {@code Yi Tay在} alike). A term matches a line when the
 * folded line contains the folded term; nothing in the term is a pattern.
 */
final class SearchText {

    private SearchText() {}

    static String fold(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(normal.length());
        boolean pendingSpace = false;
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace && !Language.isCjk(cp) && !Language.isCjk(out.codePointBefore(out.length()))) {
                out.append(' ');
            }
            pendingSpace = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
