package dev.episodebot.core.llm;

/** The LLM did not give a usable reply (error, timeout, open circuit, empty or malformed reply). */
public final class LlmUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public LlmUnavailableException(String reason) {
        super(reason);
    }
}
