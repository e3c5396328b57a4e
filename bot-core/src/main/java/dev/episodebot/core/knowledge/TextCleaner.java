package dev.episodebot.core.knowledge;

/** Normalises one line of transcript text without changing what a reader sees. */
final class TextCleaner {

    private TextCleaner() {}

    /** Drops control characters (but tab → space), zero-width marks and trailing whitespace. */
    static String clean(String line) {
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
}
