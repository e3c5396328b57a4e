package dev.episodebot.redis;

import dev.episodebot.core.state.StateBackend;
import dev.episodebot.core.support.SecretRedactor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The one connection pool to Redis, and whether Redis answers. Every call of the {@code Redis*}
 * state goes through {@link #call}: while Redis answers, the call runs there (bounded by
 * {@code REDIS_TIMEOUT}); when it fails to connect or times out, Redis counts as unreachable, the
 * log says so once, and from then on every call takes its local fallback at once, without waiting.
 * A background probe pings Redis every {@link #PROBE_INTERVAL}; once it answers, the log says so
 * once and calls go to Redis again. An error Redis itself answers (a wrong type, a script error)
 * falls back for that call only and is logged at most once a minute. Nothing here throws to its
 * callers.
 */
public final class RedisLink implements StateBackend {

    /** How often an unreachable Redis is tried again. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
    private static final long ERROR_LOG_QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final RedisConfig config;
    private final JedisPool pool;
    private final AtomicBoolean reachable = new AtomicBoolean(false);
    private final AtomicBoolean closed = new AtomicBoolean(false);
    private final AtomicLong lastErrorLog = new AtomicLong(System.nanoTime() - ERROR_LOG_QUIET_NANOS);
    private final ScheduledExecutorService prober;

    private RedisLink(RedisConfig config) {
        this.config = config;
        if (config.password() != null) {
            SecretRedactor.register(SecretRedactor.of(List.of(config.password()))); // never in a log line
        }
        int millis = (int) config.timeout().toMillis();
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .database(config.database())
                .ssl(config.tls())
                .clientName("episode-bot")
                .protocol(RedisProtocol.RESP2); // what JedisPool speaks; no RESP3 negotiation warning
        if (config.user() != null) {
            client.user(config.user());
        }
        if (config.password() != null) {
            client.password(config.password());
        }
        GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(64);
        poolConfig.setMaxIdle(16);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(config.timeout()); // a busy pool is as slow as a slow Redis
        poolConfig.setJmxEnabled(false);
        this.pool = new JedisPool(poolConfig, new HostAndPort(config.host(), config.port()), client.build());
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redis-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects (one {@code PING}, bounded by the timeout) and starts the probe. An unreachable
     * Redis is not an error: the instance starts on its own state and says so once in the log.
     */
    public static RedisLink connect(RedisConfig config) {
        RedisLink link = new RedisLink(config);
        try {
            link.ping();
            link.reachable.set(true);
            log.info("Shared state in Redis at {} (keys under {}).", config.description(), config.keyPrefix());
        } catch (RuntimeException e) {
            log.warn("Redis at {} does not answer ({}); this instance answers with its own state until it does.",
                    config.description(), describe(e));
        }
        long every = PROBE_INTERVAL.toMillis();
        link.prober.scheduleWithFixedDelay(link::probe, every, every, TimeUnit.MILLISECONDS);
        return link;
    }

    /**
     * Runs {@code operation} on Redis, or {@code fallback} when Redis is unreachable or the call
     * fails. The operation may return null (a key that is not there).
     */
    public <T> T call(Function<Jedis, T> operation, Supplier<T> fallback) {
        if (!reachable.get() || closed.get()) {
            return fallback.get();
        }
        try (Jedis jedis = pool.getResource()) {
            return operation.apply(jedis);
        } catch (JedisDataException e) {
            logError(e); // Redis answered, with an error: this call only
            return fallback.get();
        } catch (JedisException e) {
            markUnreachable(e);
            return fallback.get();
        } catch (RuntimeException e) {
            logError(e); // a value that does not decode, say
            return fallback.get();
        }
    }

    /** Runs {@code operation} on Redis when it is reachable; returns whether it ran. */
    public boolean run(java.util.function.Consumer<Jedis> operation) {
        return call(jedis -> {
            operation.accept(jedis);
            return Boolean.TRUE;
        }, () -> Boolean.FALSE);
    }

    /** The start of every key. */
    public String keyPrefix() {
        return config.keyPrefix();
    }

    @Override
    public String description() {
        return config.description();
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public boolean reachable() {
        return reachable.get() && !closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            prober.shutdownNow();
            try {
                pool.close();
            } catch (RuntimeException e) {
                log.debug("Closing the Redis pool failed: {}", describe(e));
            }
        }
    }

    private void ping() {
        try (Jedis jedis = pool.getResource()) {
            jedis.ping();
        }
    }

    private void probe() {
        if (reachable.get() || closed.get()) {
            return;
        }
        try {
            ping();
            pool.clear(); // connections from before the outage may be dead: start afresh
            if (reachable.compareAndSet(false, true)) {
                log.info("Redis at {} answers again: shared state in use again.", config.description());
            }
        } catch (RuntimeException e) {
            log.debug("Redis at {} still does not answer: {}", config.description(), describe(e));
        }
    }

    private void markUnreachable(RuntimeException e) {
        if (reachable.compareAndSet(true, false)) {
            log.warn("Redis at {} does not answer ({}); this instance answers with its own state until it is back.",
                    config.description(), describe(e));
            try {
                pool.clear();
            } catch (RuntimeException ignored) {
                // the probe starts afresh anyway
            }
        }
    }

    private void logError(RuntimeException e) {
        long now = System.nanoTime();
        long previous = lastErrorLog.get();
        if (now - previous >= ERROR_LOG_QUIET_NANOS && lastErrorLog.compareAndSet(previous, now)) {
            log.warn("A Redis call failed ({}); this call used this instance's own state.", describe(e));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
