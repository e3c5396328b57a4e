package dev.episodebot.core;

import java.util.Locale;

/** The language a question is asked in, and the language its reply is framed in. */
public enum Language {
    ZH,
    EN;

    /** {@code zh} or {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Detects the language of a text (a question, a line): by its grammar words first — the Chinese
     * particles and question words (的 是 谁 吗 …) against the English ones (what is the …) — since
     * names can be in either script ("Google DeepMind 的 CEO 是谁", "What does 杨植麟 do"); when those
     * are even, Chinese when at least a fifth of its letters are CJK ideographs, English otherwise.
     */
    public static Language detect(String text) {
        int cjk = 0;
        int letters = 0;
        int chineseGrammar = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                cjk++;
                letters++;
                if (CHINESE_GRAMMAR.indexOf(cp) >= 0) {
                    chineseGrammar++;
                }
            } else if (Character.isLetter(cp)) {
                letters++;
            }
        }
        if (cjk == 0) {
            return EN;
        }
        int englishGrammar = englishGrammarWords(text);
        if (chineseGrammar != englishGrammar) {
            return chineseGrammar > englishGrammar ? ZH : EN;
        }
        return cjk * 5 >= letters ? ZH : EN;
    }

    /** Chinese particles, pronouns and question words: the grammar of a Chinese sentence, whatever its names. */
    private static final String CHINESE_GRAMMAR = "的了是吗呢吧啊么谁哪几什怎为在有和与他她它这那个们就都也还会能要把被给从对到让吗嘛呀";

    /** English function words: the grammar of an English sentence, whatever its names. */
    private static final java.util.Set<String> ENGLISH_GRAMMAR = java.util.Set.of("what", "who", "whom", "whose",
            "which", "when", "where", "why", "how", "does", "do", "did", "is", "are", "was", "were", "the", "a", "an",
            "of", "in", "on", "to", "for", "with", "about", "this", "that", "it", "he", "she", "they", "his", "her",
            "their", "can", "could", "would", "should", "will", "has", "have", "had", "and", "or", "not", "from");

    private static int englishGrammarWords(String text) {
        int count = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean latin = i < text.length() && text.charAt(i) < 0x80 && Character.isLetter(text.charAt(i));
            if (latin && start < 0) {
                start = i;
            } else if (!latin && start >= 0) {
                if (ENGLISH_GRAMMAR.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    count++;
                }
                start = -1;
            }
        }
        return count;
    }

    /**
     * The language for a platform locale (Telegram {@code zh-hans}, Discord {@code zh-CN}): Chinese
     * for any {@code zh} locale, English otherwise (also when unknown).
     */
    public static Language ofLocale(String locale) {
        return locale != null && locale.strip().toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
    }

    /** Whether a code point is a CJK ideograph (Han script). */
    public static boolean isCjk(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
