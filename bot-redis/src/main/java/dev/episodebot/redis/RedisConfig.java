package dev.episodebot.redis;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the shared state lives, validated.
 *
 * @param host the Redis server's host name or address
 * @param port its port (6379 unless given)
 * @param user the ACL user, or null for the default user
 * @param password the password (from {@code REDIS_PASSWORD} or the URL), or null; a secret, never printed
 * @param database the database number ({@code /N} in the URL, 0 unless given)
 * @param tls whether to speak TLS ({@code rediss://})
 * @param timeout {@code REDIS_TIMEOUT}: how long one Redis call may take before this instance
 *     answers with its own state instead
 * @param keyPrefix {@code REDIS_KEY_PREFIX}: the start of every key, so bots can share a server
 */
public record RedisConfig(String host, int port, String user, String password, int database, boolean tls,
        Duration timeout, String keyPrefix) {

    public static final String URL = "REDIS_URL";
    public static final String PASSWORD = "REDIS_PASSWORD";
    public static final String TIMEOUT = "REDIS_TIMEOUT";
    public static final String KEY_PREFIX = "REDIS_KEY_PREFIX";
    public static final String DEFAULT_KEY_PREFIX = "episode-bot:";

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9:_.\\-]{1,64}");
    private static final String URL_SHAPE = "redis://host:6379 (or rediss:// for TLS, "
            + "redis://:password@host:6379/0 with a password and database)";

    public RedisConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    /** The settings when {@code REDIS_URL} is set; empty when it is not (every piece of state stays in this process). */
    public static Optional<RedisConfig> from(Env env) {
        Optional<String> raw = env.get(URL);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        URI uri = parse(raw.get());
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            String rawUser = colon < 0 ? info : info.substring(0, colon);
            user = rawUser.isEmpty() ? null : URLDecoder.decode(rawUser, StandardCharsets.UTF_8);
            if (colon >= 0 && colon + 1 < info.length()) {
                password = URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
            } else if (colon < 0) {
                // redis://secret@host: Redis URLs with one part before @ mean a password
                password = user;
                user = null;
            }
        }
        Optional<String> separate = env.secret(PASSWORD);
        if (separate.isPresent()) {
            password = separate.get();
        }
        int database = 0;
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.equals("/")) {
            try {
                database = Integer.parseInt(path.substring(1));
                if (database < 0 || database > 10_000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(URL + " must end with a database number such as /0 after the port, if with "
                        + "anything, like " + URL_SHAPE + ".");
            }
        }
        String prefix = env.string(KEY_PREFIX, DEFAULT_KEY_PREFIX);
        if (!PREFIX.matcher(prefix).matches()) {
            throw new ConfigException(KEY_PREFIX + " must be 1 to 64 letters, digits or : _ . - (such as "
                    + DEFAULT_KEY_PREFIX + "), got '" + prefix + "'.");
        }
        return Optional.of(new RedisConfig(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort(), user, password,
                database, scheme.equals("rediss"),
                env.duration(TIMEOUT, Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofSeconds(10)), prefix));
    }

    /** Parses the URL without ever echoing it (it may hold a password). */
    private static URI parse(String raw) {
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("redis") || scheme.equals("rediss")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(scheme, "not a Redis URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(URL + " must be a Redis URL such as " + URL_SHAPE + ".");
        }
    }

    /** {@code redis://host:port/db}: where, without credentials (for logs, {@code /status} and {@code /health}). */
    public String description() {
        String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (tls ? "rediss" : "redis") + "://" + shownHost + ":" + port + (database == 0 ? "" : "/" + database);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RedisConfig[" + description() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", timeout=" + timeout + ", keyPrefix=" + keyPrefix + "]";
    }
}
