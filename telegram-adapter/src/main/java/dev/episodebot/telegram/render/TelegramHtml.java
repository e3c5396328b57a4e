package dev.episodebot.telegram.render;

/** Escaping for Telegram's HTML parse mode, which knows only {@code &lt; &gt; &amp; &quot;} by name. */
public final class TelegramHtml {

    private TelegramHtml() {
    }

    /** Text content: {@code <}, {@code >} and {@code &} escaped. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An attribute value in double quotes: also {@code "} escaped. */
    public static String escapeAttribute(String value) {
        return escape(value).replace("\"", "&quot;");
    }

    /** Whether {@code url} may go into an {@code href}: http(s) and tg links only. */
    public static boolean isLinkable(String url) {
        if (url == null || url.isBlank() || url.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
            return false;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("tg://");
    }
}
