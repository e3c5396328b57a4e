package dev.episodebot.app;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The last line of defence for secrets in logs: every formatted log line (stack traces included)
 * has the configured tokens and keys replaced by {@code ***}, and anything shaped like a Telegram
 * bot token or a {@code /bot<token>/} URL path masked. The adapters already mask what they log; this
 * catches what a library logs on its own.
 */
public final class RedactingLayout extends PatternLayout {

    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();
    private static final Pattern TELEGRAM_TOKEN = Pattern.compile("\\b[0-9]{5,12}:[A-Za-z0-9_-]{20,}");
    private static final Pattern BOT_PATH = Pattern.compile("/bot[^/\\s]{8,}/");

    /** Registers secret values to mask (blank values are ignored). */
    public static void addSecrets(Iterable<String> secrets) {
        for (String secret : secrets) {
            if (secret != null && secret.strip().length() >= 6 && !SECRETS.contains(secret.strip())) {
                SECRETS.add(secret.strip());
            }
        }
    }

    /** Masks secrets in a text. */
    public static String redact(String text) {
        String result = text;
        for (String secret : SECRETS) {
            if (result.contains(secret)) {
                result = result.replace(secret, "***");
            }
        }
        result = BOT_PATH.matcher(result).replaceAll("/bot***/");
        return TELEGRAM_TOKEN.matcher(result).replaceAll("***");
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return redact(super.doLayout(event));
    }
}
