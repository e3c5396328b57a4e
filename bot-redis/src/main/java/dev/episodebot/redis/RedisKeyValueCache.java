package dev.episodebot.redis;

import dev.episodebot.core.state.InMemoryKeyValueCache;
import dev.episodebot.core.state.KeyValueCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.params.SetParams;

/**
 * Derived values in Redis for all instances, under {@code <prefix>cache:<key>} with their time to
 * live: what one instance derived, the others find. Also kept in this instance's
 * {@link InMemoryKeyValueCache}, which answers while Redis is unreachable (while it is reachable,
 * Redis alone answers, so a value removed on one instance is gone on all).
 */
public final class RedisKeyValueCache implements KeyValueCache {

    private final RedisLink redis;
    private final InMemoryKeyValueCache local;
    private final String prefix;

    public RedisKeyValueCache(RedisLink redis, int localCapacity, Clock clock) {
        this.redis = redis;
        this.local = new InMemoryKeyValueCache(localCapacity, clock);
        this.prefix = redis.keyPrefix() + "cache:";
    }

    @Override
    public Optional<String> get(String key) {
        return redis.call(jedis -> Optional.ofNullable(jedis.get(prefix + key)), () -> local.get(key));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        local.put(key, value, ttl);
        redis.run(jedis -> jedis.set(prefix + key, value, SetParams.setParams().px(Math.max(1, ttl.toMillis()))));
    }

    @Override
    public void remove(String key) {
        local.remove(key);
        redis.run(jedis -> jedis.del(prefix + key));
    }
}
