package dev.episodebot.discord;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.render.ReplyLimits;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import dev.episodebot.discord.gateway.ShardRange;
import net.dv8tion.jda.api.JDAInfo;

/**
 * Everything the Discord adapter is built from, validated.
 *
 * <p>Read from the environment with {@link #from(Env)}; the limits and timeouts have defaults and
 * can be changed with {@link #withLimits(int, int)} and {@link #withTimeouts(Duration, Duration)}
 * by the composition root (they are not environment variables).
 *
 * @param token {@code DISCORD_TOKEN}: the bot token; never logged, masked in {@link #toString()}
 * @param guildId {@code DISCORD_GUILD_ID}: the server to register the slash commands to (instant),
 *     or null to register them globally (can take up to an hour to appear)
 * @param messageContent {@code DISCORD_MESSAGE_CONTENT}: request the privileged MESSAGE_CONTENT
 *     intent, so thread follow-ups need no mention of the bot
 * @param restBaseUrl {@code DISCORD_REST_URL}: the REST base URL (ends with {@code /api/v10/}), or
 *     null for Discord's own
 * @param gatewayUrl {@code DISCORD_GATEWAY_URL}: the gateway WebSocket URL, or null for Discord's
 *     own
 * @param workers how many questions the adapter's own executor answers at once
 * @param queueCapacity how many questions wait for a worker; past it the user is told the bot is busy
 * @param shutdownGrace how long {@link DiscordAdapter#close()} waits for answers in flight
 * @param readyTimeout how long {@link DiscordAdapter#start()} waits for the gateway to become ready
 * @param replies {@code MAX_REPLY_MESSAGES}: how many messages one reply sends before a "more" button
 * @param shards {@code DISCORD_SHARD_TOTAL} and {@code DISCORD_SHARDS}: the shards this instance
 *     runs, or null for one unsharded connection
 */
public record DiscordConfig(
        String token,
        Long guildId,
        boolean messageContent,
        URI restBaseUrl,
        URI gatewayUrl,
        int workers,
        int queueCapacity,
        Duration shutdownGrace,
        Duration readyTimeout,
        ReplyLimits replies,
        ShardRange shards) {

    public static final String TOKEN = "DISCORD_TOKEN";
    public static final String GUILD_ID = "DISCORD_GUILD_ID";
    public static final String MESSAGE_CONTENT = "DISCORD_MESSAGE_CONTENT";
    public static final String REST_URL = "DISCORD_REST_URL";
    public static final String GATEWAY_URL = "DISCORD_GATEWAY_URL";

    /** The API version path appended to a {@code DISCORD_REST_URL} that has no path. */
    public static final String API_PATH = "/api/v" + JDAInfo.DISCORD_REST_VERSION;

    /** Three dot-separated base64url parts, as Discord bot tokens are. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{15,20}");

    public DiscordConfig {
        Objects.requireNonNull(token, "token");
        if (restBaseUrl != null && !restBaseUrl.toString().endsWith("/")) {
            restBaseUrl = URI.create(restBaseUrl + "/");
        }
        if (workers < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("workers must be at least 1 and queueCapacity at least 0");
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(replies, "replies");
    }

    /** Whether {@code DISCORD_TOKEN} is set, i.e. whether the Discord adapter should run at all. */
    public static boolean isConfigured(Env env) {
        return env.get(TOKEN).isPresent();
    }

    /**
     * Reads and validates the Discord variables.
     *
     * @throws ConfigException naming the first missing or invalid variable (never echoing the token)
     */
    public static DiscordConfig from(Env env) {
        String token = env.secret(TOKEN).orElseThrow(() -> new ConfigException(
                TOKEN + " must be set to the bot token from the Discord Developer Portal (your application → Bot → Reset Token)."));
        if (!TOKEN_SHAPE.matcher(token).matches()) {
            throw new ConfigException(TOKEN + " does not look like a Discord bot token (three dot-separated parts, "
                    + "without a 'Bot ' prefix); copy it again from the Developer Portal (Bot → Reset Token).");
        }
        return new DiscordConfig(
                token,
                guildId(env),
                env.bool(MESSAGE_CONTENT, false),
                restBaseUrl(env).orElse(null),
                env.url(GATEWAY_URL, Set.of("ws", "wss")).orElse(null),
                Math.max(2, Runtime.getRuntime().availableProcessors() * 2),
                256,
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                ReplyLimits.from(env),
                ShardRange.from(env).orElse(null));
    }

    private static Long guildId(Env env) {
        Optional<String> value = env.get(GUILD_ID);
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (!SNOWFLAKE.matcher(value.get()).matches()) {
                throw new NumberFormatException();
            }
            return Long.parseUnsignedLong(value.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(GUILD_ID + " must be a numeric server id such as 123456789012345678 "
                    + "(Discord: enable Developer Mode, right-click the server, Copy Server ID), got '" + value.get() + "'.");
        }
    }

    private static Optional<URI> restBaseUrl(Env env) {
        return env.httpUrl(REST_URL).map(uri -> {
            if (uri.getQuery() != null || uri.getFragment() != null) {
                throw new ConfigException(REST_URL + " must be a base URL without a query or fragment, such as "
                        + "http://127.0.0.1:8080" + API_PATH + ", got '" + uri + "'.");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            String base = uri.toString();
            return URI.create((path.isEmpty() || path.equals("/") ? stripSlash(base) + API_PATH : base) + "/");
        });
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The same settings with other executor limits (e.g. the core's {@code MAX_IN_FLIGHT}/{@code MAX_QUEUED}). */
    public DiscordConfig withLimits(int newWorkers, int newQueueCapacity) {
        return new DiscordConfig(token, guildId, messageContent, restBaseUrl, gatewayUrl, newWorkers, newQueueCapacity,
                shutdownGrace, readyTimeout, replies, shards);
    }

    /** The same settings with other shutdown and startup timeouts. */
    public DiscordConfig withTimeouts(Duration newShutdownGrace, Duration newReadyTimeout) {
        return new DiscordConfig(token, guildId, messageContent, restBaseUrl, gatewayUrl, workers, queueCapacity,
                newShutdownGrace, newReadyTimeout, replies, shards);
    }

    /** The same settings with the REST and gateway URLs overridden (null keeps Discord's own). */
    public DiscordConfig withEndpoints(URI newRestBaseUrl, URI newGatewayUrl) {
        return new DiscordConfig(token, guildId, messageContent, newRestBaseUrl, newGatewayUrl, workers, queueCapacity,
                shutdownGrace, readyTimeout, replies, shards);
    }

    /** The same settings with other reply limits. */
    public DiscordConfig withReplies(ReplyLimits newReplies) {
        return new DiscordConfig(token, guildId, messageContent, restBaseUrl, gatewayUrl, workers, queueCapacity,
                shutdownGrace, readyTimeout, newReplies, shards);
    }

    /** The same settings with other shards (null: one unsharded connection). */
    public DiscordConfig withShards(ShardRange newShards) {
        return new DiscordConfig(token, guildId, messageContent, restBaseUrl, gatewayUrl, workers, queueCapacity,
                shutdownGrace, readyTimeout, replies, newShards);
    }

    @Override
    public String toString() {
        return "DiscordConfig[token=***, guildId=" + guildId + ", messageContent=" + messageContent
                + ", restBaseUrl=" + restBaseUrl + ", gatewayUrl=" + gatewayUrl + ", workers=" + workers
                + ", queueCapacity=" + queueCapacity + ", shutdownGrace=" + shutdownGrace
                + ", readyTimeout=" + readyTimeout + ", replies=" + replies + ", shards=" + shards + "]";
    }
}
