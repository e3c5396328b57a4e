package dev.episodebot.core.answer;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.List;
import java.util.Objects;

/**
 * An answer with everything that led to it.
 *
 * @param reply the structured reply (without a feedback id yet)
 * @param retrieved the passages retrieval returned, best first (for {@code ask --json} and {@code eval})
 * @param standaloneQuestion the question as searched (after condensing a follow-up)
 */
public record Answer(BotReply reply, List<RetrievedPassage> retrieved, String standaloneQuestion) {

    public Answer {
        Objects.requireNonNull(reply, "reply");
        retrieved = List.copyOf(retrieved);
    }

    /** The reply as plain text (the console's rendering). */
    public String text() {
        return reply.text();
    }

    /** The sources quoted or relied on. */
    public List<Citation> citations() {
        return reply.citations();
    }

    /** Whether the episode covers the question. */
    public boolean grounded() {
        return reply.grounded();
    }

    /** The language the reply is framed in. */
    public Language language() {
        return reply.language();
    }

    /** The same answer with a note shown first (e.g. the LLM was unavailable). */
    public Answer withNote(String note) {
        return new Answer(reply.withNote(note), retrieved, standaloneQuestion);
    }
}
