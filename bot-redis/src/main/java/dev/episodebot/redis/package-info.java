/**
 * The shared state of several instances in Redis, through one kept client (Jedis): a
 * {@link dev.episodebot.redis.RedisLink} (the pool, and whether Redis answers) and a {@code Redis*}
 * implementation of each interface of {@code dev.episodebot.core.state}, each with this instance's
 * in-memory twin that takes over while Redis is unreachable.
 * {@link dev.episodebot.redis.RedisSharedState#connect} builds them from a
 * {@link dev.episodebot.redis.RedisConfig} ({@code REDIS_URL}, {@code REDIS_TIMEOUT},
 * {@code REDIS_KEY_PREFIX}).
 */
package dev.episodebot.redis;
