package dev.episodebot.core;

/** What kind of reply the core produced, so adapters can render it (feedback buttons only on answers). */
public enum ReplyKind {
    /** An answer to a question (grounded or not). */
    ANSWER,
    /** The result of an informational command: help, sources, status, new, reload. */
    INFO,
    /** A polite refusal: rate limit, question too long, busy, not an admin, empty question. */
    REFUSAL
}
