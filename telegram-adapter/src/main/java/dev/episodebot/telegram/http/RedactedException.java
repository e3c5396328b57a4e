package dev.episodebot.telegram.http;

/**
 * Stands in for an exception whose message may contain the bot token: same stack trace, the
 * original class name and message with the token masked, and a likewise redacted cause.
 */
public final class RedactedException extends Exception {

    private static final long serialVersionUID = 1L;

    RedactedException(String maskedDescription, StackTraceElement[] stackTrace, RedactedException cause) {
        super(maskedDescription, cause, false, true);
        setStackTrace(stackTrace);
    }
}
