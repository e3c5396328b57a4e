package dev.episodebot.core.llm;

/** Keeps data (user text, transcript passages) from closing or opening the prompt's delimiters. */
final class PromptText {

    private PromptText() {}

    /** Neutralises anything that looks like one of our tags by replacing its angle brackets. */
    static String data(String text) {
        return text.replaceAll("(?i)<\\s*(/?)\\s*(passages|passage|question|history|conversation|system)\\s*>", "‹$1$2›");
    }
}
