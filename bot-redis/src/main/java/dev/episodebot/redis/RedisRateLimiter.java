package dev.episodebot.redis;

import dev.episodebot.core.state.InMemoryRateLimiter;
import dev.episodebot.core.state.RateLimiter;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-user sliding window of {@link InMemoryRateLimiter}, kept in Redis for all instances
 * together: one sorted set per user ({@code <prefix>rate:<user>}) of request times, checked and
 * counted by one script, so at most {@code perMinute} requests pass in any 60 seconds whichever
 * instance takes them. Each allowed request is also counted in this instance's own limiter, which
 * decides alone while Redis is unreachable.
 *
 * <p>Why not Bucket4j's Redis integration: its buckets refill continuously or in fixed intervals,
 * so "10 per minute" would allow 10 at once and then one every 6 s, or 20 across an interval's
 * edge; the bot promises at most N in any 60 s, the same with Redis as without.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final String ACQUIRE = """
            local key = KEYS[1]
            local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            if redis.call('ZCARD', key) >= limit then
              local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
              return {0, oldest[2]}
            end
            redis.call('ZADD', key, now, ARGV[4])
            redis.call('PEXPIRE', key, window)
            return {1, '0'}
            """;

    private final RedisLink redis;
    private final InMemoryRateLimiter local;
    private final int perMinute;
    private final Clock clock;
    private final String keyPrefix;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();

    public RedisRateLimiter(RedisLink redis, int perMinute, Clock clock) {
        this.redis = redis;
        this.local = new InMemoryRateLimiter(perMinute, clock);
        this.perMinute = perMinute;
        this.clock = clock;
        this.keyPrefix = redis.keyPrefix() + "rate:";
    }

    @Override
    public Verdict acquire(String user) {
        long now = clock.millis();
        String member = now + ":" + instance + ":" + sequence.incrementAndGet();
        Verdict shared = redis.call(jedis -> {
            List<?> result = (List<?>) jedis.eval(ACQUIRE, List.of(keyPrefix + user), List.of(String.valueOf(now),
                    String.valueOf(WINDOW_MILLIS), String.valueOf(perMinute), member));
            if (Long.valueOf(1L).equals(result.get(0))) {
                return Verdict.allow();
            }
            long oldest = (long) Double.parseDouble(RedisReplies.text(result.get(1)));
            return Verdict.refuse((WINDOW_MILLIS - (now - oldest) + 999) / 1000);
        }, () -> null);
        if (shared == null) {
            return local.acquire(user);
        }
        if (shared.allowed()) {
            local.acquire(user); // kept locally too, for when Redis is away
        }
        return shared;
    }
}
