package dev.episodebot.core;

/**
 * The one entry point adapters call. Implementations never throw for bad user input: every
 * request gets a reply (an answer, an informational text, or a polite refusal).
 */
@FunctionalInterface
public interface EpisodeBot {

    /**
     * Handles one command.
     *
     * @param command what the user asked for; plain messages are {@link BotCommand#ASK}
     * @param request who asked, where, and the text after the command word
     * @return the reply to render
     */
    BotReply handle(BotCommand command, BotRequest request);

    /**
     * The titles of the episodes the bot knows, in knowledge-folder order: the suggestions for an
     * episode argument ({@code /outline}, {@code /summary}); none unless the bot has knowledge.
     */
    default java.util.List<String> episodeTitles() {
        return java.util.List.of();
    }

    /**
     * Handles one command, showing drafts of the reply while it is written (a streamed LLM answer)
     * to {@code progress}. The returned reply is the final one. Implementations that do not stream
     * ignore {@code progress}.
     */
    default BotReply handle(BotCommand command, BotRequest request, ReplyProgress progress) {
        return handle(command, request);
    }

    /** Shorthand for {@code handle(BotCommand.ASK, request)}. */
    default BotReply ask(BotRequest request) {
        return handle(BotCommand.ASK, request);
    }
}
