package dev.episodebot.core.overview;

import java.util.List;
import java.util.Objects;

/**
 * What the LLM wrote for one episode in one language: a title per section (null where it gave
 * none usable, the extractive title stands there) and a summary of four to six sentences.
 *
 * @param titles one entry per section of the outline, in order
 * @param summary the summary, plain text
 */
public record LlmOutline(List<String> titles, String summary) {

    public LlmOutline {
        titles = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(titles));
        Objects.requireNonNull(summary, "summary");
    }
}
