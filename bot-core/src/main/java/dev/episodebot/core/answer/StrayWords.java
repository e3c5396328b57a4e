package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a question what is not part of it, so that it neither flips a covered question to
 * "not covered" nor steers retrieval: HTML tags and entities, emoji and other symbols, greetings and
 * fillers at its start or end (你好, 请问, hi, thanks, btw), and — in a question written in the
 * knowledge's script — a lower-case common word of the other script that the knowledge never uses
 * ({@code alert} in a Chinese question). Such a word is replaced by its translation when the
 * knowledge uses one (a code-mixed {@code team} becomes 团队); a capitalised or unknown word (Tesla,
 * ChatGPT) is a name and stays: a question about a name the episode never mentions is about
 * something else.
 */
final class StrayWords {

    /**
     * A question with its stray words taken out.
     *
     * @param text what is left (never blank when the question had any content)
     * @param removed what was taken out, in order
     */
    record Cleaned(String text, List<String> removed) {}

    private static final Pattern HTML = Pattern.compile(
            "</?[a-zA-Z][a-zA-Z0-9]{0,10}(\\s[^<>]{0,200})?/?>|&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final String GREETING = "你好+|您好|大家好|嗨+|哈喽|哈啰|嘿+|喂|在吗|在不在|哈哈+|嘿嘿|呵呵|嗯+|额+|呃+|那个|请问一下|请问|"
            + "问一下|问下|想问一下|想问下|谢谢+|多谢|谢啦|感谢感谢|麻烦了|辛苦了|hello+|hi+|hey+|yo|thanks|thank you|thx|please|pls|plz|"
            + "btw|lol|lmao|ok|okay|um+|uh+|so|well|quick question|bot";
    private static final String SEPARATOR = "[\\s,，、.。!！~～:：;；…-]*";
    private static final Pattern LEADING = Pattern.compile("^(?:(?:" + GREETING + ")(?=[\\s,，、.。!！~～:：;；…-]|\\p{IsHan}|$)"
            + SEPARATOR + ")+", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING = Pattern.compile("(?:" + SEPARATOR + "(?<![A-Za-z])(?:谢谢+|多谢|谢啦|thanks|thank you|thx|"
            + "please|pls|plz|lol|ok|okay|哈哈+|嘿嘿|呵呵))+" + SEPARATOR + "$", Pattern.CASE_INSENSITIVE);
    /** Chat fillers in Latin script, stray wherever they stand in a Chinese question. */
    private static final java.util.Set<String> FILLERS = java.util.Set.of("ok", "okay", "lol", "lmao", "btw", "pls", "plz",
            "thx", "hmm", "emm", "umm", "haha", "hi", "hello", "hey", "bro", "omg", "wtf", "idk");
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9_\\-])[A-Za-z]+(?:'[a-z]+)?(?![A-Za-z0-9_\\-])");

    private StrayWords() {}

    /**
     * @param question the question (already cleaned of control characters)
     * @param knowledge the language the knowledge is written in
     * @param knownToKnowledge whether the knowledge uses a word (as its index analyses it)
     * @param commonWord whether a lower-case word is a common word of the other language (not a name)
     * @param translate a word's translation into words the knowledge uses, or "" when it has none
     */
    static Cleaned clean(String question, Language knowledge, Predicate<String> knownToKnowledge,
            Predicate<String> commonWord, UnaryOperator<String> translate) {
        List<String> removed = new ArrayList<>();
        String text = remove(HTML, question, removed);
        text = removeSymbols(text, removed);
        String before = text;
        text = removeAt(LEADING, text, removed);
        text = removeAt(TRAILING, text, removed);
        if (text.isBlank()) {
            // nothing but a greeting: keep it, it is the question
            text = before;
            removed.removeIf(r -> before.contains(r));
        }
        if (knowledge == Language.ZH && Language.detect(text) == Language.ZH) {
            text = foreignWords(text, knownToKnowledge, commonWord, translate, removed);
        }
        return new Cleaned(text.replaceAll("\\s+", " ").strip(), removed);
    }

    private static String remove(Pattern pattern, String text, List<String> removed) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            removed.add(m.group());
            m.appendReplacement(out, " ");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String removeAt(Pattern pattern, String text, List<String> removed) {
        Matcher m = pattern.matcher(text);
        if (m.find() && !m.group().isBlank()) {
            removed.add(m.group().strip());
            return text.substring(0, m.start()) + " " + text.substring(m.end());
        }
        return text;
    }

    /** Emoji, pictographs, their modifiers and joiners, and other symbols that carry no words. */
    private static String removeSymbols(String text, List<String> removed) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean symbol = type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL
                    || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                    || (cp >= 0xE0020 && cp <= 0xE007F);
            if (symbol) {
                symbols.appendCodePoint(cp);
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        }
        if (symbols.length() > 0) {
            removed.add(symbols.toString());
        }
        return out.toString();
    }

    private static String foreignWords(String text, Predicate<String> knownToKnowledge, Predicate<String> commonWord,
            UnaryOperator<String> translate, List<String> removed) {
        Matcher m = LATIN_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            String replacement = word;
            if (FILLERS.contains(lower)) {
                removed.add(word);
                replacement = " ";
            } else if (word.equals(lower) && !knownToKnowledge.test(word) && commonWord.test(lower)) {
                String translation = translate.apply(lower);
                if (translation.isBlank()) {
                    removed.add(word);
                    replacement = " ";
                } else {
                    replacement = " " + translation + " ";
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
