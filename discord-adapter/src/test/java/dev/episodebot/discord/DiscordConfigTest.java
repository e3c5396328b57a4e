package dev.episodebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link DiscordConfig#from(Env)}: what is read, the defaults, and one-sentence errors naming the variable. */
class DiscordConfigTest {

    private static final String TOKEN = "fake-token-part-one.fake.not-a-real-discord-token";

    private static DiscordConfig read(String... pairs) {
        Map<String, String> values = new HashMap<>();
        values.put("DISCORD_TOKEN", TOKEN);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return DiscordConfig.from(new Env(values));
    }

    @Test
    void readsTheDefaults() {
        // GIVEN only a token
        // WHEN the config is read
        DiscordConfig config = read();

        // THEN commands are global, the content intent is off, and Discord's own URLs are used
        assertThat(config.token()).isEqualTo(TOKEN);
        assertThat(config.guildId()).isNull();
        assertThat(config.messageContent()).isFalse();
        assertThat(config.restBaseUrl()).isNull();
        assertThat(config.gatewayUrl()).isNull();
        assertThat(config.workers()).isGreaterThanOrEqualTo(2);
        assertThat(config.queueCapacity()).isPositive();
        assertThat(DiscordConfig.isConfigured(new Env(Map.of("DISCORD_TOKEN", TOKEN)))).isTrue();
        assertThat(DiscordConfig.isConfigured(new Env(Map.of("DISCORD_TOKEN", " ")))).isFalse();
    }

    @Test
    void readsEveryVariable() {
        // GIVEN every Discord variable
        // WHEN the config is read
        DiscordConfig config = read(
                "DISCORD_GUILD_ID", "123456789012345678",
                "DISCORD_MESSAGE_CONTENT", "true",
                "DISCORD_REST_URL", "http://127.0.0.1:8080/api/v10/",
                "DISCORD_GATEWAY_URL", "ws://127.0.0.1:8080/gateway");

        // THEN each one is taken, with the REST base URL ending in a slash as JDA wants it
        assertThat(config.guildId()).isEqualTo(123456789012345678L);
        assertThat(config.messageContent()).isTrue();
        assertThat(config.restBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/api/v10/"));
        assertThat(config.gatewayUrl()).isEqualTo(URI.create("ws://127.0.0.1:8080/gateway"));
    }

    @Test
    void addsTheApiVersionPathToABareRestUrl() {
        // GIVEN a REST proxy given as a bare host
        // WHEN the config is read
        // THEN the API version path is added
        assertThat(read("DISCORD_REST_URL", "https://proxy.example:8443").restBaseUrl())
                .isEqualTo(URI.create("https://proxy.example:8443/api/v10/"));
        assertThat(read("DISCORD_REST_URL", "http://127.0.0.1:9000/").restBaseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:9000/api/v10/"));
    }

    @Test
    void rejectsBadValuesNamingTheVariable() {
        // GIVEN invalid values, one at a time
        // WHEN the config is read
        // THEN the error names the variable (and never echoes the token)
        assertThatThrownBy(() -> DiscordConfig.from(new Env(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_TOKEN must be set");
        assertThatThrownBy(() -> DiscordConfig.from(new Env(Map.of("DISCORD_TOKEN", "Bot abc.def.ghi"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_TOKEN")
                .hasMessageNotContaining("abc");
        assertThatThrownBy(() -> DiscordConfig.from(new Env(Map.of("DISCORD_TOKEN", "just-a-secret-word"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_TOKEN")
                .hasMessageNotContaining("just-a-secret-word");
        assertThatThrownBy(() -> read("DISCORD_GUILD_ID", "my-server"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_GUILD_ID must be a numeric server id");
        assertThatThrownBy(() -> read("DISCORD_GUILD_ID", "99999999999999999999"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_GUILD_ID");
        assertThatThrownBy(() -> read("DISCORD_MESSAGE_CONTENT", "maybe"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_MESSAGE_CONTENT must be true or false");
        assertThatThrownBy(() -> read("DISCORD_REST_URL", "ftp://example.com"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_REST_URL");
        assertThatThrownBy(() -> read("DISCORD_REST_URL", "http://127.0.0.1:8080/api/v10?x=1"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_REST_URL");
        assertThatThrownBy(() -> read("DISCORD_GATEWAY_URL", "http://127.0.0.1:8080/gateway"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_GATEWAY_URL");
    }

    @Test
    void neverShowsTheTokenInToString() {
        // GIVEN a config
        // WHEN it is printed
        // THEN the token is masked
        assertThat(read().toString()).doesNotContain(TOKEN).contains("token=***");
    }

    @Test
    void readsTheShardRangeAndOneConnectionWithoutIt() {
        // GIVEN no shard variables, THEN one unsharded connection, as before
        assertThat(read().shards()).isNull();

        // GIVEN a total and a range, a total and one shard, a total alone
        // THEN the range, that one shard, every shard
        assertThat(read("DISCORD_SHARD_TOTAL", "4", "DISCORD_SHARDS", "2-3").shards())
                .isEqualTo(new dev.episodebot.discord.gateway.ShardRange(2, 3, 4));
        assertThat(read("DISCORD_SHARD_TOTAL", "4", "DISCORD_SHARDS", "1").shards().ids()).containsExactly(1);
        assertThat(read("DISCORD_SHARD_TOTAL", "2").shards().ids()).containsExactly(0, 1);
    }

    @Test
    void aBadShardValueStopsWithOneSentenceNamingTheVariable() {
        // a range without a total, a range past the total, a reversed range, words, a total of zero
        assertThatThrownBy(() -> read("DISCORD_SHARDS", "0-1")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DISCORD_SHARDS needs DISCORD_SHARD_TOTAL");
        for (String bad : new String[] {"0-2", "1-0", "zero", "-1", "0,1"}) {
            assertThatThrownBy(() -> read("DISCORD_SHARD_TOTAL", "2", "DISCORD_SHARDS", bad))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("DISCORD_SHARDS must be a shard id or a range such as 0-1 within 0-1 "
                            + "(DISCORD_SHARD_TOTAL=2), got '" + bad + "'.");
        }
        for (String bad : new String[] {"0", "two", "100001"}) {
            assertThatThrownBy(() -> read("DISCORD_SHARD_TOTAL", bad)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("DISCORD_SHARD_TOTAL").hasMessageEndingWith(".");
        }
    }

    @Test
    void aServerBelongsToTheShardDiscordSendsItsEventsTo() {
        // (guild_id >> 22) % total, as Discord documents it
        assertThat(dev.episodebot.discord.gateway.ShardRange.shardOf(910000000000000001L, 2)).isZero();
        assertThat(dev.episodebot.discord.gateway.ShardRange.shardOf(910000000004194306L, 2)).isEqualTo(1);
        assertThat(dev.episodebot.discord.gateway.ShardRange.shardOf(41771983423143937L, 4))
                .isEqualTo((int) ((41771983423143937L >> 22) % 4));
    }
}
