package dev.episodebot.core.answer;

import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.List;

/**
 * An answer with everything that led to it.
 *
 * @param text the reply text
 * @param citations the sources quoted or relied on
 * @param grounded whether the episode covers the question
 * @param language the language the reply is framed in
 * @param retrieved the passages retrieval returned, best first (for {@code ask --json} and {@code eval})
 * @param standaloneQuestion the question as searched (after condensing a follow-up)
 */
public record Answer(String text, List<Citation> citations, boolean grounded, Language language,
        List<RetrievedPassage> retrieved, String standaloneQuestion) {

    public Answer {
        citations = List.copyOf(citations);
        retrieved = List.copyOf(retrieved);
    }

    /** The same answer with another text (a fallback note added). */
    public Answer withText(String newText) {
        return new Answer(newText, citations, grounded, language, retrieved, standaloneQuestion);
    }
}
