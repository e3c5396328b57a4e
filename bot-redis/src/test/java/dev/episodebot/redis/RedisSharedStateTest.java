package dev.episodebot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Vote;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.state.RememberedAnswer;
import dev.episodebot.core.state.SharedState;
import dev.episodebot.core.testing.SharedStateContract;
import dev.episodebot.redis.testing.RedisTestServer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis state against a real Redis: the same contract as the in-memory one, and what only a
 * shared store does: two instances (two states on one Redis) see one conversation, one rate limit,
 * one ledger, one set of answers and one cache; a bot with another key prefix sees none of it.
 */
class RedisSharedStateTest extends SharedStateContract {

    private final String prefix = RedisTestServer.uniquePrefix();
    private final List<SharedState> peers = new ArrayList<>();

    @Override
    protected SharedState newState(int rateLimitPerMinute) {
        return connect(prefix, rateLimitPerMinute);
    }

    private SharedState connect(String keyPrefix, int rateLimitPerMinute) {
        RedisConfig config = RedisConfig.from(new Env(Map.of(RedisConfig.URL, RedisTestServer.sharedUrl(),
                RedisConfig.KEY_PREFIX, keyPrefix))).orElseThrow();
        SharedState state = RedisSharedState.connect(config, rateLimitPerMinute, clock);
        // THEN (every test) it is Redis that answers, not the local fallback
        assertThat(state.backend().reachable()).as("Redis at %s answers", config.description()).isTrue();
        return state;
    }

    @Override
    protected void letTimePass(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis()); // Redis expires keys by its own clock
        clock.advance(duration); // and the local twins by the instance's
    }

    private SharedState peer(String keyPrefix, int rateLimitPerMinute) {
        SharedState state = connect(keyPrefix, rateLimitPerMinute);
        peers.add(state);
        return state;
    }

    @AfterEach
    void closePeers() {
        peers.forEach(SharedState::close);
    }

    @Test
    void twoInstancesShareConversationsRateLimitsLedgerAnswersAndCache() {
        // GIVEN two instances on one Redis
        SharedState a = peer(prefix, 3);
        SharedState b = peer(prefix, 3);

        // WHEN A remembers a turn, counts two questions, claims an update, remembers an answer and caches a value
        a.conversations().append("telegram:1", List.of(UserMessage.from("Reka 有多少人？"), AiMessage.from("不到 15 人")));
        a.rateLimiter().acquire("telegram:1");
        a.rateLimiter().acquire("telegram:1");
        assertThat(a.deliveries().claim("telegram:700:5")).isTrue();
        a.answers().remember("r1", new RememberedAnswer("问题", "回答", true, List.of(), "telegram:1"));
        a.answers().storeVote("r1", "telegram:1", Vote.UP);
        a.cache().put("outline:h1", "大纲", Duration.ofMinutes(5));

        // THEN B sees all of it
        assertThat(b.conversations().messages("telegram:1")).hasSize(2);
        assertThat(b.conversations().size()).isEqualTo(1);
        assertThat(b.rateLimiter().acquire("telegram:1").allowed()).isTrue();
        assertThat(b.rateLimiter().acquire("telegram:1").allowed()).isFalse(); // the 4th of 3 across both
        assertThat(a.rateLimiter().acquire("telegram:1").allowed()).isFalse();
        assertThat(b.deliveries().claim("telegram:700:5")).isFalse();
        assertThat(b.answers().find("r1")).hasValueSatisfying(r -> assertThat(r.answer()).isEqualTo("回答"));
        assertThat(b.answers().vote("r1", "telegram:1")).contains(Vote.UP);
        assertThat(b.cache().get("outline:h1")).contains("大纲");

        // AND a bot with another key prefix on the same Redis sees none of it
        SharedState other = peer(RedisTestServer.uniquePrefix(), 3);
        assertThat(other.conversations().messages("telegram:1")).isEmpty();
        assertThat(other.deliveries().claim("telegram:700:5")).isTrue();
        assertThat(other.answers().find("r1")).isEmpty();
        assertThat(other.cache().get("outline:h1")).isEmpty();
    }

    @Test
    void theLimitHoldsWhenBothInstancesAreAskedAtOnce() throws Exception {
        // GIVEN two instances on one Redis and a limit of 10 a minute
        SharedState a = peer(prefix, 10);
        SharedState b = peer(prefix, 10);

        // WHEN one user sends 40 requests at once, half to each instance
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SharedState instance = i % 2 == 0 ? a : b;
                results.add(pool.submit(() -> instance.rateLimiter().acquire("discord:9").allowed()));
            }
            long allowed = 0;
            for (Future<Boolean> result : results) {
                allowed += result.get() ? 1 : 0;
            }

            // THEN exactly 10 pass
            assertThat(allowed).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneConversationWrittenByTwoInstancesAtOnceLosesNoTurnAndStaysInItsWindow() throws Exception {
        // GIVEN two instances
        SharedState a = peer(prefix, 10);
        SharedState b = peer(prefix, 10);

        // WHEN both append 3 turns to one conversation at the same time
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (SharedState instance : List.of(a, b)) {
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 3; i++) {
                        instance.conversations().append("c", List.of(UserMessage.from("q"), AiMessage.from("a")));
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // THEN all 12 messages are there, each question followed by its answer
        var messages = b.conversations().messages("c");
        assertThat(messages).hasSize(12);
        for (int i = 0; i < messages.size(); i += 2) {
            assertThat(messages.get(i)).isInstanceOf(UserMessage.class);
            assertThat(messages.get(i + 1)).isInstanceOf(AiMessage.class);
        }
    }
}
