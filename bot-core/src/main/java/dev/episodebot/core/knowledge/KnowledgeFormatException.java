package dev.episodebot.core.knowledge;

/** A knowledge file cannot be used; the message is the reason shown to operators. */
public final class KnowledgeFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public KnowledgeFormatException(String reason) {
        super(reason);
    }
}
