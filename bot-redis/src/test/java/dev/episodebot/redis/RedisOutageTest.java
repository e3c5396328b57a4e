package dev.episodebot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.state.SharedState;
import dev.episodebot.core.testing.Eventually;
import dev.episodebot.core.testing.LogCapture;
import dev.episodebot.redis.testing.RedisTestServer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis going away and coming back, on a Redis of the test's own: every call keeps working on the
 * instance's own state (no exception, no wait once Redis is known to be away), the log says so
 * once, and calls go to Redis again once it answers; a slow Redis counts as away.
 */
class RedisOutageTest {

    @TempDir
    Path dir;

    private RedisTestServer redis;
    private SharedState state;

    @AfterEach
    void stop() {
        if (state != null) {
            state.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    private SharedState connect(String timeout) {
        RedisConfig config = RedisConfig.from(new Env(Map.of(RedisConfig.URL, redis.url(),
                RedisConfig.TIMEOUT, timeout, RedisConfig.KEY_PREFIX, RedisTestServer.uniquePrefix()))).orElseThrow();
        return RedisSharedState.connect(config, 5, Clock.systemUTC());
    }

    @Test
    void whenRedisStopsTheStateGoesOnLocallyLogsOnceAndReturnsToRedisWhenItIsBack() throws Exception {
        // GIVEN an instance on a running Redis, with a conversation and a claimed update in it
        redis = RedisTestServer.own(dir);
        redis.start();
        try (LogCapture logs = LogCapture.of(RedisLink.class).atLevel(Level.INFO)) {
            state = connect("300ms");
            assertThat(state.backend().reachable()).isTrue();
            state.conversations().append("c1", List.of(UserMessage.from("问"), AiMessage.from("答")));
            assertThat(state.deliveries().claim("u:1")).isTrue();

            // WHEN Redis stops
            redis.stop();

            // THEN every piece of state still answers, from the instance's own copy, without an exception
            assertThat(state.conversations().messages("c1")).hasSize(2); // what this instance saw
            for (int i = 0; i < 20; i++) {
                state.conversations().append("c1", List.of(UserMessage.from("又问" + i), AiMessage.from("又答")));
                state.rateLimiter().acquire("telegram:1");
                state.answers().find("none");
                state.cache().get("k");
            }
            assertThat(state.backend().reachable()).isFalse();
            assertThat(state.deliveries().claim("u:1")).isFalse(); // still known locally
            assertThat(state.deliveries().claim("u:2")).isTrue();
            assertThat(state.rateLimiter().acquire("telegram:1").allowed()).isFalse(); // 5 a minute, counted locally
            // AND the log said so once, without the calls each waiting for the timeout
            assertThat(logs.messages(Level.WARN)).filteredOn(m -> m.contains("does not answer")).hasSize(1);
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                state.cache().get("k");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));

            // WHEN Redis is back (empty: it kept nothing)
            redis.start();

            // THEN within a few probes the state uses Redis again, and the log says so once
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> state.backend().reachable())).isTrue();
            state.conversations().append("c2", List.of(UserMessage.from("新"), AiMessage.from("新答")));
            assertThat(redis.command("EXISTS", keyOf("conversation:c2"))).isEqualTo(1L);
            assertThat(logs.messages(Level.INFO)).filteredOn(m -> m.contains("answers again")).hasSize(1);
            assertThat(logs.messages(Level.WARN)).filteredOn(m -> m.contains("does not answer")).hasSize(1);
        }
    }

    @Test
    void aSlowRedisCountsAsAwayAndTheCallReturnsWithinTheTimeout() throws Exception {
        // GIVEN an instance on a Redis with a 200 ms timeout
        redis = RedisTestServer.own(dir);
        redis.start();
        state = connect("200ms");
        assertThat(state.backend().reachable()).isTrue();

        // WHEN Redis stops answering for 3 s (every client paused)
        redis.command("CLIENT", "PAUSE", "3000", "ALL");
        long start = System.nanoTime();
        boolean allowed = state.rateLimiter().acquire("discord:1").allowed();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // THEN the call came back after about the timeout with the local answer, and Redis counts as away
        assertThat(allowed).isTrue();
        assertThat(took).isLessThan(Duration.ofMillis(2_000));
        assertThat(state.backend().reachable()).isFalse();

        // AND once the pause ends, Redis is used again
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> state.backend().reachable())).isTrue();
    }

    @Test
    void anInstanceStartedWhileRedisIsDownStartsOnItsOwnStateAndJoinsWhenRedisComes() throws Exception {
        // GIVEN no Redis at the configured address
        redis = RedisTestServer.own(dir);

        // WHEN the instance connects
        state = connect("200ms");

        // THEN it starts anyway, on its own state
        assertThat(state.backend().reachable()).isFalse();
        assertThat(state.deliveries().claim("u:9")).isTrue();

        // WHEN Redis starts, THEN the instance joins it
        redis.start();
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> state.backend().reachable())).isTrue();
        assertThat(state.deliveries().claim("u:10")).isTrue();
        assertThat(redis.command("DBSIZE")).isEqualTo(1L);
    }

    private String keyOf(String suffix) {
        return ((RedisLink) state.backend()).keyPrefix() + suffix;
    }
}
