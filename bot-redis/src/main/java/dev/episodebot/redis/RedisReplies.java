package dev.episodebot.redis;

import java.nio.charset.StandardCharsets;

/** Reading the values a Redis script returns. */
final class RedisReplies {

    private RedisReplies() {}

    /** A bulk string reply as text (Jedis hands it over as a String or as bytes). */
    static String text(Object reply) {
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(reply);
    }
}
