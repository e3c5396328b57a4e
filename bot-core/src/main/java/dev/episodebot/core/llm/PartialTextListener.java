package dev.episodebot.core.llm;

/**
 * Receives the text of a streamed reply so far, on the thread that waits for the reply (never on
 * the HTTP client's threads), at most once per {@link GuardedChatModel#PARTIAL_TICK}.
 */
@FunctionalInterface
public interface PartialTextListener {

    /** @param textSoFar everything the model wrote so far, already cut at {@code MAX_ANSWER_CHARS} */
    void partial(String textSoFar);
}
