package dev.episodebot.core.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file's text into its lines at {@code \r\n}, {@code \r} or {@code \n}, as
 * {@code text.split("\\r\\n|\\r|\\n", -1)} does (a trailing break gives a last empty line), in one
 * pass without a regular expression: at a restart every knowledge file is split, and the regex was
 * most of the parse time (the bench's warm start).
 */
final class TextLines {

    private TextLines() {}

    static String[] split(String text) {
        List<String> lines = new ArrayList<>(Math.max(16, text.length() / 24));
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines.toArray(String[]::new);
    }
}
