package dev.episodebot.redis;

import dev.episodebot.core.state.DeliveryLedger;
import dev.episodebot.core.state.InMemoryDeliveryLedger;
import java.time.Clock;
import redis.clients.jedis.params.SetParams;

/**
 * Which deliveries are taken, in Redis for all instances: {@code <prefix>delivery:<key>} is set
 * only if absent ({@code SET NX}), to {@code claimed} for {@link #CLAIM_HOLD}, then to {@code done}
 * for {@link #DONE_KEEP}; a release deletes it. So an update delivered to two instances, or twice,
 * is answered by the first to claim it. This instance's {@link InMemoryDeliveryLedger} keeps the
 * same, and decides alone while Redis is unreachable.
 */
public final class RedisDeliveryLedger implements DeliveryLedger {

    private final RedisLink redis;
    private final InMemoryDeliveryLedger local;
    private final String prefix;

    public RedisDeliveryLedger(RedisLink redis, int localCapacity, Clock clock) {
        this.redis = redis;
        this.local = new InMemoryDeliveryLedger(localCapacity, clock);
        this.prefix = redis.keyPrefix() + "delivery:";
    }

    @Override
    public boolean claim(String key) {
        boolean locally = local.claim(key);
        Boolean shared = redis.call(jedis -> "OK".equals(jedis.set(prefix + key, "claimed",
                SetParams.setParams().nx().px(CLAIM_HOLD.toMillis()))), () -> null);
        return shared == null ? locally : shared;
    }

    @Override
    public void complete(String key) {
        local.complete(key);
        redis.run(jedis -> jedis.set(prefix + key, "done", SetParams.setParams().px(DONE_KEEP.toMillis())));
    }

    @Override
    public void release(String key) {
        local.release(key);
        redis.run(jedis -> jedis.del(prefix + key));
    }
}
