package dev.episodebot.core;

/** What kind of reply the core produced; adapters render by kind (feedback buttons only under answers). */
public enum ReplyKind {
    /** An answer grounded in the episode. */
    ANSWER,
    /** The episode does not cover the question (or there is no knowledge yet): said plainly, nothing quoted. */
    NOT_COVERED,
    /** A polite refusal: rate limit, question too long, not an admin, empty question. */
    REFUSAL,
    /** Too many questions at once: ask again in a moment. */
    BUSY,
    /** Something failed unexpectedly; an apology. */
    ERROR,
    /** What the bot does and how to use it ({@code /help}, {@code /start}). */
    HELP,
    /** The knowledge files ({@code /sources}). */
    SOURCES,
    /** The index status ({@code /status}). */
    STATUS,
    /** Any other informational reply: {@code /new}, {@code /reload}. */
    INFO,
    /** An episode at a glance: its outline ({@code /outline}) or summary ({@code /summary}), sections shown a few at a time. */
    OUTLINE,
    /** Every line that contains a term ({@code /search}), ten results at a time. */
    SEARCH;

    /** Whether this is a reply to a question, which users can vote on. */
    public boolean isAnswer() {
        return this == ANSWER || this == NOT_COVERED;
    }
}
