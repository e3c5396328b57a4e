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
     * Detects the language of a user's text: Chinese when at least a fifth of its letters are CJK
     * ideographs (Chinese questions often carry Latin names such as "Yi Tay"), English otherwise.
     */
    public static Language detect(String text) {
        int cjk = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                cjk++;
                letters++;
            } else if (Character.isLetter(cp)) {
                letters++;
            }
        }
        if (cjk == 0) {
            return EN;
        }
        return cjk * 5 >= letters ? ZH : EN;
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
