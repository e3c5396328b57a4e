package dev.episodebot.core.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps data (user text, transcript lines, titles) from closing or opening the prompt's delimiters. */
public final class PromptText {

    private static final Pattern OUR_TAG = Pattern.compile(
            "(?i)<(\\s*/?\\s*(?:passages|passage|question|history|conversation|system|transcript|episode|sections|section|summaries)\\b[^<>]*)>");

    private PromptText() {}

    /** Neutralises anything that looks like one of our tags by replacing its angle brackets. */
    public static String data(String text) {
        Matcher m = OUR_TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("‹" + m.group(1).replaceFirst("^\\s*(/?)\\s*", "$1").strip() + "›"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A value for an attribute of one of our tags: data, on one line, without double quotes or brackets. */
    static String attribute(String text) {
        return data(text).replaceAll("[\\r\\n\"<>]", " ").strip();
    }
}
