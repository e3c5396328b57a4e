package dev.episodebot.core.knowledge;

/** Normalises one line of transcript text without changing what a reader sees. */
final class TextCleaner {

    private TextCleaner() {}

    /** Drops control characters (but tab → space), zero-width marks and trailing whitespace. */
    static String clean(String line) {
        if (isClean(line)) {
            return line; // the common case: nothing to drop, nothing to trim
        }
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(c) || c == '\uFEFF' || c == '\u200B') {
                continue;
            } else {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    private static boolean isClean(String line) {
        int n = line.length();
        if (n == 0) {
            return true;
        }
        if (Character.isWhitespace(line.charAt(0)) || Character.isWhitespace(line.charAt(n - 1))
                || Character.isSpaceChar(line.charAt(0)) || Character.isSpaceChar(line.charAt(n - 1))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\t' || Character.isISOControl(c) || c == '\uFEFF' || c == '\u200B') {
                return false;
            }
        }
        return true;
    }
}
