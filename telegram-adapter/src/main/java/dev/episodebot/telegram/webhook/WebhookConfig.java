package dev.episodebot.telegram.webhook;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Webhook mode, validated: Telegram posts each update to {@code publicUrl} (the reverse proxy in
 * front of the instances), the proxy forwards it to {@code bind:port} of one instance, and only a
 * request carrying {@code secret} in {@code X-Telegram-Bot-Api-Secret-Token} is taken.
 *
 * @param publicUrl {@code TELEGRAM_WEBHOOK_URL}: the public HTTPS URL given to {@code setWebhook}
 * @param secret {@code TELEGRAM_WEBHOOK_SECRET}: 16 to 256 letters, digits, {@code _} or {@code -};
 *     a secret, never printed
 * @param port {@code TELEGRAM_WEBHOOK_PORT}: the local port the instance listens on
 * @param bind {@code TELEGRAM_WEBHOOK_BIND}: the local address it listens on (127.0.0.1 unless set)
 */
public record WebhookConfig(URI publicUrl, String secret, int port, InetAddress bind) {

    public static final String URL = "TELEGRAM_WEBHOOK_URL";
    public static final String SECRET = "TELEGRAM_WEBHOOK_SECRET";
    public static final String PORT = "TELEGRAM_WEBHOOK_PORT";
    public static final String BIND = "TELEGRAM_WEBHOOK_BIND";
    public static final int DEFAULT_PORT = 8080;

    /** Telegram's rule for a secret token, with a length that cannot be guessed. */
    private static final Pattern SECRET_SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,256}");

    public WebhookConfig {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(bind, "bind");
    }

    /**
     * Webhook mode when {@code TELEGRAM_WEBHOOK_URL} is set; empty (long polling) when none of the
     * {@code TELEGRAM_WEBHOOK_*} variables is.
     *
     * @throws ConfigException naming the variable that is missing or wrong
     */
    public static Optional<WebhookConfig> from(Env env) {
        Optional<String> url = env.get(URL);
        if (url.isEmpty()) {
            for (String other : List.of(SECRET, PORT, BIND)) {
                if (env.get(other).isPresent()) {
                    throw new ConfigException(other + " is set but " + URL + " is not: set " + URL
                            + " to the bot's public HTTPS address for webhook mode, or unset " + other
                            + " for long polling.");
                }
            }
            return Optional.empty();
        }
        URI publicUrl = env.httpUrl(URL).orElseThrow();
        if (!"https".equalsIgnoreCase(publicUrl.getScheme()) || publicUrl.getRawQuery() != null
                || publicUrl.getRawFragment() != null || publicUrl.getRawUserInfo() != null) {
            throw new ConfigException(URL + " must be the bot's public https URL (Telegram posts only to https) "
                    + "without a query, fragment or user info, such as https://bot.example.org/telegram/webhook, got '"
                    + url.get() + "'.");
        }
        String secret = env.secret(SECRET).orElseThrow(() -> new ConfigException(SECRET + " must be set in webhook "
                + "mode (" + URL + " is set): 16 to 256 letters, digits, _ or -, for example from openssl rand -hex 32."));
        if (!SECRET_SHAPE.matcher(secret).matches()) {
            throw new ConfigException(SECRET + " must be 16 to 256 letters, digits, _ or - (Telegram's rule for a "
                    + "secret token), for example from openssl rand -hex 32.");
        }
        return Optional.of(new WebhookConfig(publicUrl, secret, env.integer(PORT, DEFAULT_PORT, 1, 65_535),
                env.ipAddress(BIND, "127.0.0.1")));
    }

    /** The path the local server serves: the path of {@link #publicUrl} ({@code /} when it has none). */
    public String path() {
        String path = publicUrl.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** A copy listening on another local port (0: any free one, for tests). */
    public WebhookConfig withPort(int newPort) {
        return new WebhookConfig(publicUrl, secret, newPort, bind);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookConfig[publicUrl=" + publicUrl + ", secret=***, port=" + port + ", bind="
                + bind.getHostAddress() + "]";
    }
}
