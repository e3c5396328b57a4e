package dev.episodebot.core;

import java.util.List;
import java.util.Objects;

/**
 * What the core says back. Adapters render it; they never change its content.
 *
 * @param id an id for feedback on this reply ({@link FeedbackRecorder}); null when the reply is not an answer
 * @param text the reply text, plain (adapters escape it for their markup)
 * @param citations the sources the text quotes or relies on, in order of use
 * @param grounded whether the reply is backed by the episode; false when the episode does not cover the question
 * @param language the language the reply is framed in
 * @param kind answer, informational, or refusal
 */
public record BotReply(
        String id, String text, List<Citation> citations, boolean grounded, Language language, ReplyKind kind) {

    public BotReply {
        Objects.requireNonNull(text, "text");
        citations = List.copyOf(citations == null ? List.of() : citations);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kind, "kind");
    }

    /** An informational reply with no citations. */
    public static BotReply info(String text, Language language) {
        return new BotReply(null, text, List.of(), true, language, ReplyKind.INFO);
    }

    /** A polite refusal. */
    public static BotReply refusal(String text, Language language) {
        return new BotReply(null, text, List.of(), false, language, ReplyKind.REFUSAL);
    }
}
