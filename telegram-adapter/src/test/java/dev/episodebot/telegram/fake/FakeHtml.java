package dev.episodebot.telegram.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict validator for Telegram's HTML parse mode, stricter than Telegram: only the tags
 * {@code b, i, a, code, pre, blockquote}, {@code a} with exactly one double-quoted {@code href},
 * properly nested, and only the entities {@code &lt; &gt; &amp; &quot;}; a bare {@code <},
 * {@code >} or {@code &} is an error. Errors read like Telegram's ("Unsupported start tag "x" at
 * byte offset n").
 */
public final class FakeHtml {

    /** The tags accepted. */
    public static final Set<String> TAGS = Set.of("b", "i", "a", "code", "pre", "blockquote");

    private static final Pattern HREF = Pattern.compile("\\s+href=\"([^\"]*)\"\\s*");

    private FakeHtml() {
    }

    /** HTML that Telegram would refuse. */
    public static final class HtmlException extends Exception {
        private static final long serialVersionUID = 1L;

        HtmlException(String message) {
            super(message);
        }
    }

    /**
     * The text {@code html} shows (tags removed, entities decoded).
     *
     * @throws HtmlException when the markup is not acceptable
     */
    public static String toPlain(String html) throws HtmlException {
        StringBuilder out = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    throw error("Unclosed start tag", html, i);
                }
                String inner = html.substring(i + 1, end);
                if (inner.startsWith("/")) {
                    String name = inner.substring(1).strip().toLowerCase(Locale.ROOT);
                    if (!TAGS.contains(name)) {
                        throw error("Unsupported end tag \"" + name + "\"", html, i);
                    }
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        throw error("Unmatched end tag \"" + name + "\"", html, i);
                    }
                    open.pop();
                } else {
                    int space = firstSpace(inner);
                    String name = (space < 0 ? inner : inner.substring(0, space)).toLowerCase(Locale.ROOT);
                    String attributes = space < 0 ? "" : inner.substring(space);
                    if (!TAGS.contains(name)) {
                        throw error("Unsupported start tag \"" + name + "\"", html, i);
                    }
                    if (name.equals("a")) {
                        Matcher href = HREF.matcher(attributes);
                        if (!href.matches()) {
                            throw error("Tag \"a\" must have exactly one href attribute", html, i);
                        }
                        decode(href.group(1), html, i);
                        if (open.contains("a")) {
                            throw error("Nested links are not allowed", html, i);
                        }
                    } else if (!attributes.isBlank()) {
                        throw error("Unsupported attribute in tag \"" + name + "\"", html, i);
                    }
                    open.push(name);
                }
                i = end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                if (end < 0 || end - i > 8) {
                    throw error("Character entity expected", html, i);
                }
                out.append(entity(html.substring(i, end + 1), html, i));
                i = end + 1;
            } else if (c == '>') {
                throw error("Unexpected end of tag", html, i);
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw error("Can't find end tag corresponding to start tag \"" + open.peek() + "\"", html, html.length());
        }
        return out.toString();
    }

    /** Whether {@code html} is acceptable. */
    public static boolean isValid(String html) {
        try {
            toPlain(html);
            return true;
        } catch (HtmlException e) {
            return false;
        }
    }

    private static String decode(String value, String html, int at) throws HtmlException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '&') {
                int end = value.indexOf(';', i);
                if (end < 0) {
                    throw error("Character entity expected", html, at);
                }
                out.append(entity(value.substring(i, end + 1), html, at));
                i = end + 1;
            } else if (c == '<' || c == '>') {
                throw error("Unexpected character in attribute", html, at);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static char entity(String entity, String html, int at) throws HtmlException {
        return switch (entity) {
            case "&lt;" -> '<';
            case "&gt;" -> '>';
            case "&amp;" -> '&';
            case "&quot;" -> '"';
            default -> throw error("Unsupported HTML entity \"" + entity + "\"", html, at);
        };
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static HtmlException error(String what, String html, int charOffset) {
        int byteOffset = html.substring(0, Math.min(charOffset, html.length())).getBytes(StandardCharsets.UTF_8).length;
        return new HtmlException(what + " at byte offset " + byteOffset);
    }
}
