package dev.episodebot.app;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.episodebot.core.support.DisplayText;
import dev.episodebot.core.support.SecretRedactor;

/**
 * The last line of defence for logs: every formatted line (stack traces included) goes through
 * the core's {@link SecretRedactor} ({@link SecretRedactor#installed()}, set from the environment
 * at start: configured tokens and keys in every form, their prefixes and suffixes, anything
 * shaped like a token or key) and {@link DisplayText#clean} (no escape sequences, BEL, NUL or
 * bidi controls reach the console). The adapters already mask what they log; this catches what a
 * library logs on its own.
 */
public final class RedactingLayout extends PatternLayout {

    /** Masks secrets in a text and makes it safe for a terminal. */
    public static String redact(String text) {
        return DisplayText.clean(SecretRedactor.installed().redact(text));
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return redact(super.doLayout(event));
    }
}
