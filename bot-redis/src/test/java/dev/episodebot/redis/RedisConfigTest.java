package dev.episodebot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code REDIS_*} validation: one sentence naming the variable, and the password never shown. */
class RedisConfigTest {

    private static RedisConfig parse(Map<String, String> env) {
        return RedisConfig.from(new Env(env)).orElseThrow();
    }

    @Test
    void withoutRedisUrlThereIsNoRedis() {
        assertThat(RedisConfig.from(new Env(Map.of("REDIS_TIMEOUT", "2s")))).isEmpty();
    }

    @Test
    void aUrlGivesHostPortDatabaseUserAndPasswordAndDefaults() {
        // GIVEN a URL with a user, a password and a database
        RedisConfig config = parse(Map.of("REDIS_URL", "rediss://bot:s3cr%40t-pass@redis.internal:6380/2"));

        // THEN each part is read, and the defaults fill the rest
        assertThat(config.host()).isEqualTo("redis.internal");
        assertThat(config.port()).isEqualTo(6380);
        assertThat(config.user()).isEqualTo("bot");
        assertThat(config.password()).isEqualTo("s3cr@t-pass");
        assertThat(config.database()).isEqualTo(2);
        assertThat(config.tls()).isTrue();
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.keyPrefix()).isEqualTo(RedisConfig.DEFAULT_KEY_PREFIX);
        // AND what is shown of it never holds the password
        assertThat(config.description()).isEqualTo("rediss://redis.internal:6380/2");
        assertThat(config.toString()).doesNotContain("s3cr");
    }

    @Test
    void aPasswordAloneBeforeTheHostAndRedisPasswordAreBothUnderstood() {
        assertThat(parse(Map.of("REDIS_URL", "redis://only-a-password@127.0.0.1")).password()).isEqualTo("only-a-password");
        assertThat(parse(Map.of("REDIS_URL", "redis://:pw-in-url@127.0.0.1")).password()).isEqualTo("pw-in-url");
        RedisConfig separate = parse(Map.of("REDIS_URL", "redis://127.0.0.1:6379", "REDIS_PASSWORD", "from-env-pw"));
        assertThat(separate.password()).isEqualTo("from-env-pw");
        assertThat(separate.user()).isNull();
        assertThat(separate.port()).isEqualTo(6379);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:6379", "127.0.0.1:6379", "redis://", "redis://:hunter2-secret@",
            "redis://host:6379/zero", "redis://host:6379?db=1", "redis://:hunter2-secret@host/x"})
    void aBadUrlStopsWithOneSentenceNamingTheVariableAndNeverTheValue(String url) {
        assertThatThrownBy(() -> parse(Map.of("REDIS_URL", url)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("REDIS_URL must")
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(e.getMessage().split("\\. ")).hasSize(1));
    }

    @Test
    void badTimeoutsAndPrefixesNameTheirVariable() {
        assertThatThrownBy(() -> parse(Map.of("REDIS_URL", "redis://h", "REDIS_TIMEOUT", "20s")))
                .hasMessageStartingWith("REDIS_TIMEOUT must");
        assertThatThrownBy(() -> parse(Map.of("REDIS_URL", "redis://h", "REDIS_KEY_PREFIX", "has space")))
                .hasMessageStartingWith("REDIS_KEY_PREFIX must");
        assertThat(parse(Map.of("REDIS_URL", "redis://h", "REDIS_TIMEOUT", "150ms", "REDIS_KEY_PREFIX", "bot-a:"))
                .timeout()).isEqualTo(Duration.ofMillis(150));
    }
}
