package dev.episodebot.discord.features;

import dev.episodebot.core.Language;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;

/** The name of the thread the bot starts for a question: the question, shortened to Discord's 100 characters. */
final class ThreadNames {

    /** Discord's limit for a channel name. */
    static final int MAX_LENGTH = 100;

    private ThreadNames() {}

    static String forQuestion(String question) {
        String name = question.replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            return Catalog.text(Language.detect(question), UiText.THREAD_DEFAULT_NAME);
        }
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int end = MAX_LENGTH - 1;
        if (Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(0, end) + "…";
    }
}
