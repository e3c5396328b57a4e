package dev.episodebot.core.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line citations of an LLM answer: {@code [L113]}, {@code [L113-116]}, {@code [L113-L116]},
 * {@code [E2 L113]} and lists of them in one bracket ({@code [L3, L7-9]}). Each is resolved against
 * the {@link LlmContext} the model was given: lines that were not in it are dropped, and so is a
 * marker none of whose lines were. What is left is renumbered as the reply's citations, {@code [1]},
 * {@code [2]}, in order of first use; any other bracketed number ({@code [3]}) is dropped too, since
 * the model was given no numbered passages.
 */
final class LineCitations {

    /** The most distinct citations one answer keeps; later ones are dropped. */
    static final int MAX_CITATIONS = 8;
    /** The most lines one citation covers; a longer cited range is cut to its first lines. */
    static final int MAX_LINES = 20;

    private static final String ITEM = "(?:E\\s*\\d{1,4}\\s*[:：,，]?\\s*)?L\\s*\\d{1,7}(?:\\s*[-–—~～]\\s*L?\\s*\\d{1,7})?";
    private static final Pattern GROUP = Pattern.compile(
            "[\\[【]\\s*(" + ITEM + "(?:\\s*[,，、;；]\\s*" + ITEM + ")*)\\s*[\\]】]", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTS = Pattern.compile(
            "(?:E\\s*(\\d{1,4})\\s*[:：,，]?\\s*)?L\\s*(\\d{1,7})(?:\\s*[-–—~～]\\s*L?\\s*(\\d{1,7}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_NUMBER = Pattern.compile("\\[\\s*\\d{1,3}\\s*]");
    /** An unfinished citation at the end of a streamed text ({@code "… [L11"}). */
    private static final Pattern OPEN_AT_END = Pattern.compile("[\\[【][^\\]】\\n]{0,40}$");

    /**
     * The resolved answer.
     *
     * @param text the text with markers renumbered ({@code [1]}, …) and unresolvable ones removed
     * @param cited the citations, in the order of their numbers
     */
    record Resolved(String text, List<LlmContext.Cited> cited) {}

    private LineCitations() {}

    static Resolved resolve(String text, LlmContext context) {
        List<LlmContext.Cited> cited = new ArrayList<>();
        Matcher group = GROUP.matcher(BARE_NUMBER.matcher(text).replaceAll(""));
        StringBuilder out = new StringBuilder();
        while (group.find()) {
            StringBuilder numbers = new StringBuilder();
            Matcher part = PARTS.matcher(group.group(1));
            while (part.find()) {
                int from = Integer.parseInt(part.group(2));
                int to = part.group(3) == null ? from : Integer.parseInt(part.group(3));
                if (to < from) {
                    int t = from;
                    from = to;
                    to = t;
                }
                String id = part.group(1) == null ? null : "E" + Integer.parseInt(part.group(1));
                Optional<LlmContext.Cited> lines = context.resolve(id, from, to);
                if (lines.isEmpty()) {
                    continue; // a line the model was not given
                }
                LlmContext.Cited c = cut(lines.get());
                int index = indexOf(cited, c);
                if (index < 0 && cited.size() < MAX_CITATIONS) {
                    cited.add(c);
                    index = cited.size() - 1;
                }
                String marker = index < 0 ? "" : "[" + (index + 1) + "]";
                if (!marker.isEmpty() && numbers.indexOf(marker) < 0) {
                    numbers.append(marker);
                }
            }
            group.appendReplacement(out, Matcher.quoteReplacement(numbers.toString()));
        }
        group.appendTail(out);
        return new Resolved(tidy(out.toString()), List.copyOf(cited));
    }

    /** A streamed text as it may be shown while incomplete: without citation markers or an unfinished one. */
    static String withoutMarkers(String text) {
        String s = GROUP.matcher(text).replaceAll("");
        s = BARE_NUMBER.matcher(s).replaceAll("");
        return tidy(OPEN_AT_END.matcher(s).replaceAll(""));
    }

    /** Without the spaces a removed marker leaves: doubled, or before punctuation. */
    private static String tidy(String text) {
        return text.replaceAll("[ \\t]{2,}", " ").replaceAll("[ \\t]+([。，！？、；：.,!?;:])", "$1").strip();
    }

    private static LlmContext.Cited cut(LlmContext.Cited c) {
        return c.lines().size() <= MAX_LINES ? c : new LlmContext.Cited(c.block(), c.lines().subList(0, MAX_LINES));
    }

    private static int indexOf(List<LlmContext.Cited> cited, LlmContext.Cited c) {
        for (int i = 0; i < cited.size(); i++) {
            LlmContext.Cited other = cited.get(i);
            if (other.block().episode().source().equals(c.block().episode().source())
                    && other.lines().get(0).lineNumber() == c.lines().get(0).lineNumber()
                    && other.lines().get(other.lines().size() - 1).lineNumber()
                            == c.lines().get(c.lines().size() - 1).lineNumber()) {
                return i;
            }
        }
        return -1;
    }
}
