package dev.episodebot.telegram;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.render.ReplyLimits;
import dev.episodebot.telegram.webhook.WebhookConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * What the Telegram adapter is built from, validated.
 *
 * @param botToken {@code TELEGRAM_BOT_TOKEN}: the token from @BotFather; a secret, never printed
 * @param apiUrl {@code TELEGRAM_API_URL}: the Bot API server root, {@value #DEFAULT_API_URL} unless a
 *     self-hosted Bot API server (or a test double) is used
 * @param dataDir {@code DATA_DIR}: where the last handled update id is kept (under {@code telegram/})
 * @param tuning operational limits; {@link TelegramTuning#defaults()} unless a test shortens them
 * @param replies {@code MAX_REPLY_MESSAGES}: how many messages one reply sends before a "more" button
 * @param webhook {@code TELEGRAM_WEBHOOK_*}: webhook mode, or null for long polling (the default)
 */
public record TelegramConfig(String botToken, URI apiUrl, Path dataDir, TelegramTuning tuning, ReplyLimits replies,
        WebhookConfig webhook) {

    public static final String TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN";
    public static final String API_URL_VARIABLE = "TELEGRAM_API_URL";
    public static final String DATA_DIR_VARIABLE = "DATA_DIR";
    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    public TelegramConfig {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(replies, "replies");
    }

    /** Whether {@code TELEGRAM_BOT_TOKEN} is set, i.e. whether the composition root should start this adapter. */
    public static boolean isConfigured(Env env) {
        return env.get(TOKEN_VARIABLE).isPresent();
    }

    /**
     * Reads {@code TELEGRAM_BOT_TOKEN} (required), {@code TELEGRAM_API_URL}, {@code DATA_DIR},
     * {@code MAX_REPLY_MESSAGES} and the {@code TELEGRAM_WEBHOOK_*} variables.
     *
     * @throws ConfigException naming the variable when one is missing or invalid
     */
    public static TelegramConfig from(Env env) {
        String token = env.secret(TOKEN_VARIABLE)
                .orElseThrow(() -> new ConfigException(
                        TOKEN_VARIABLE + " must be set to the bot token that @BotFather gave the bot."));
        URI apiUrl = env.httpUrl(API_URL_VARIABLE).orElse(URI.create(DEFAULT_API_URL));
        if (hasMoreThanAServerRoot(apiUrl)) {
            throw new ConfigException(API_URL_VARIABLE + " must be the root of a Bot API server such as "
                    + DEFAULT_API_URL + " or http://127.0.0.1:8081 (no path, query or user info), got '"
                    + env.get(API_URL_VARIABLE).orElse("") + "'.");
        }
        Path dataDir = env.path(DATA_DIR_VARIABLE, "data");
        return new TelegramConfig(token, apiUrl, dataDir, TelegramTuning.defaults(), ReplyLimits.from(env),
                WebhookConfig.from(env).orElse(null));
    }

    /** A copy with other operational limits. */
    public TelegramConfig withTuning(TelegramTuning newTuning) {
        return new TelegramConfig(botToken, apiUrl, dataDir, newTuning, replies, webhook);
    }

    /** A copy with other reply limits. */
    public TelegramConfig withReplies(ReplyLimits newReplies) {
        return new TelegramConfig(botToken, apiUrl, dataDir, tuning, newReplies, webhook);
    }

    /** A copy with other webhook settings (null: long polling). */
    public TelegramConfig withWebhook(WebhookConfig newWebhook) {
        return new TelegramConfig(botToken, apiUrl, dataDir, tuning, replies, newWebhook);
    }

    /** The server as telegrambots addresses it. */
    public TelegramUrl telegramUrl() {
        String scheme = apiUrl.getScheme().toLowerCase(Locale.ROOT);
        int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : "https".equals(scheme) ? 443 : 80;
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }

    /** The folder for the adapter's own state. */
    public Path stateDir() {
        return dataDir.resolve("telegram");
    }

    private static boolean hasMoreThanAServerRoot(URI uri) {
        String path = uri.getRawPath();
        return (path != null && !path.isEmpty() && !"/".equals(path))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "TelegramConfig[botToken=***, apiUrl=" + apiUrl + ", dataDir=" + dataDir + ", tuning=" + tuning
                + ", replies=" + replies + ", webhook=" + webhook + "]";
    }
}
