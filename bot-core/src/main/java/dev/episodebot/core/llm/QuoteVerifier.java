package dev.episodebot.core.llm;

import dev.episodebot.core.knowledge.TranscriptLine;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what an LLM answer presents as a quote — text inside 「…」, 『…』, “…” or "…" — against the
 * transcript lines of its {@link LlmContext}: verbatim, ignoring whitespace, punctuation and
 * full/half width (NFKC), and across consecutive lines. The sentence holding a quote that is not in
 * the context is removed from the answer: a claim resting on words nobody said is not shown.
 */
final class QuoteVerifier {

    private static final Pattern QUOTE = Pattern.compile("「([^「」]{1,500})」|『([^『』]{1,500})』|“([^“”]{1,500})”|\"([^\"\\n]{1,500})\"");
    /** Where a sentence ends: CJK and Latin end marks (Latin ones before a space), line breaks. */
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；!?;]+[」』”\"）)]*|\\.(?=\\s|$)|\\n+");
    private static final Pattern IGNORED = Pattern.compile("[\\s\\p{P}]+");

    /**
     * The checked answer.
     *
     * @param text the answer without the sentences that hold an unverifiable quote
     * @param removed the unverifiable quotes, in order
     */
    record Checked(String text, List<String> removed) {}

    private final List<String> runs;

    /** A verifier for quotes out of {@code context}. */
    QuoteVerifier(LlmContext context) {
        this.runs = runs(context);
    }

    Checked check(String answer) {
        List<String> removed = new ArrayList<>();
        String text = answer;
        while (true) {
            Matcher m = QUOTE.matcher(text);
            boolean changed = false;
            while (m.find()) {
                String quoted = firstGroup(m);
                String key = normalize(quoted);
                if (key.isEmpty() || holds(key)) {
                    continue;
                }
                removed.add(quoted);
                text = withoutSentence(text, m.start(), m.end());
                changed = true;
                break;
            }
            if (!changed) {
                return new Checked(text.strip(), List.copyOf(removed));
            }
        }
    }

    /**
     * A streamed draft as it may be shown: a quote still open (its closing mark not written yet) is
     * held back, and a sentence with a complete quote the context does not hold is removed, so an
     * invented quote is not shown even for a moment.
     */
    String draft(String partial) {
        int cut = partial.length();
        for (char[] pair : new char[][] {{'「', '」'}, {'『', '』'}, {'“', '”'}}) {
            int open = partial.lastIndexOf(pair[0]);
            if (open >= 0 && partial.indexOf(pair[1], open) < 0) {
                cut = Math.min(cut, open);
            }
        }
        if (partial.chars().filter(c -> c == '"').count() % 2 == 1) {
            cut = Math.min(cut, partial.lastIndexOf('"'));
        }
        return check(partial.substring(0, cut)).text();
    }

    private boolean holds(String key) {
        for (String run : runs) {
            if (run.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} without the sentence(s) that span {@code [start, end)}. */
    static String withoutSentence(String text, int start, int end) {
        int from = 0;
        Matcher m = SENTENCE_END.matcher(text);
        int to = text.length();
        while (m.find()) {
            if (m.end() <= start) {
                from = m.end();
            } else if (m.start() >= end) {
                to = m.end();
                break;
            }
        }
        String before = text.substring(0, from);
        String after = text.substring(to);
        return (before.stripTrailing() + (before.isBlank() || after.isBlank() ? "" : " ") + after.stripLeading());
    }

    private static String firstGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    /** NFKC (full width to half width), without whitespace and punctuation. */
    static String normalize(String text) {
        return IGNORED.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }

    /** Each run of consecutive lines of the context, normalized and joined. */
    private static List<String> runs(LlmContext context) {
        List<String> out = new ArrayList<>();
        for (ContextBlock block : context.blocks()) {
            List<TranscriptLine> all = block.episode().lines();
            StringBuilder run = new StringBuilder();
            int index = 0;
            int previous = -2;
            for (TranscriptLine line : block.lines()) {
                while (index < all.size() && all.get(index).lineNumber() != line.lineNumber()) {
                    index++;
                }
                if (index != previous + 1 && run.length() > 0) {
                    out.add(run.toString());
                    run.setLength(0);
                }
                run.append(normalize(line.text()));
                previous = index;
            }
            if (run.length() > 0) {
                out.add(run.toString());
            }
            out.add(normalize(block.title()));
        }
        return out;
    }
}
