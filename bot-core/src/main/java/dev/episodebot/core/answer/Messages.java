package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.Display;
import dev.episodebot.core.text.UiText;
import java.util.List;

/** The answering pipeline's fixed texts, from the {@link Catalog}. */
public final class Messages {

    /** How many episode titles a "not covered" reply names. */
    static final int NAMED_EPISODES = 3;

    private Messages() {}

    /** The line before the quote that answers. */
    public static String quoteIntro(Language language, boolean crossLanguage) {
        return Catalog.text(language, crossLanguage ? UiText.ANSWER_INTRO_ORIGINAL : UiText.ANSWER_INTRO);
    }

    /** The episode does not cover the question; names up to three known episodes. */
    public static String notCovered(Language language, List<String> episodes) {
        String text = Catalog.text(language, UiText.NOT_COVERED);
        if (episodes.isEmpty()) {
            return text;
        }
        List<String> named = episodes.subList(0, Math.min(NAMED_EPISODES, episodes.size())).stream()
                .map(Display::title).toList();
        return text + Catalog.text(language, UiText.NOT_COVERED_EPISODES, Catalog.list(language, named));
    }

    public static String noKnowledge(Language language) {
        return Catalog.text(language, UiText.NO_KNOWLEDGE);
    }

    public static String llmUnsourcedNote(Language language) {
        return Catalog.text(language, UiText.LLM_UNSOURCED);
    }

    public static String llmFallbackNote(Language language) {
        return Catalog.text(language, UiText.LLM_UNAVAILABLE);
    }
}
