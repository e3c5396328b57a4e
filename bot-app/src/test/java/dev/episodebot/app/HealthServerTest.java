package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.PlatformAdapter;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /health} for probes: 503 until the index is built and every adapter is connected, then 200. */
class HealthServerTest {

    @TempDir
    Path temp;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(HealthServer health) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A Telegram adapter whose connection the test controls. */
    private static PlatformAdapter adapter(AtomicBoolean connected) {
        return new PlatformAdapter() {
            @Override
            public String name() {
                return "telegram";
            }

            @Override
            public void start() {}

            @Override
            public boolean isConnected() {
                return connected.get();
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void reportsNotReadyUntilIndexedAndConnectedThenReady() throws Exception {
        // GIVEN a core over one small transcript and an adapter whose connection we control
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Files.writeString(knowledge.resolve("a.txt"), "第一行\n第二行\n");
        AtomicBoolean connected = new AtomicBoolean(false);
        PlatformAdapter adapter = adapter(connected);
        try (HealthServer health = new HealthServer(java.net.InetAddress.getLoopbackAddress(), 0);
                BotCore core = BotCore.create(CoreConfig.defaults(knowledge, temp.resolve("cache"), temp.resolve("data")),
                        spec -> new HashingEmbeddingModel(spec.dimension()), null, Clock.systemUTC())) {
            // WHEN nothing is indexed yet THEN 503 "starting"
            HttpResponse<String> starting = get(health);
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.body()).contains("\"status\":\"starting\"");

            // WHEN indexed and started but the adapter is not connected THEN still 503
            health.knowledge(core.knowledge());
            core.refresh(dev.episodebot.core.index.IndexingListener.none());
            health.adapter(adapter);
            health.started();
            HttpResponse<String> disconnected = get(health);
            assertThat(disconnected.statusCode()).isEqualTo(503);
            assertThat(disconnected.body()).contains("\"telegram\":\"disconnected\"");

            // WHEN the adapter connects THEN 200 with the index size and the last refresh
            connected.set(true);
            HttpResponse<String> ready = get(health);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"ready\"", "\"files\":1", "\"lastRefresh\"");

            // WHEN stopping THEN 503 again, so the load balancer drains the instance
            health.stopping();
            assertThat(get(health).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void aRefreshThatIndexedNothingFromAFolderWithFilesIsNotReady() throws Exception {
        // GIVEN a started, connected bot whose knowledge folder holds only a file that cannot be read
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Files.write(knowledge.resolve("broken.txt"), new byte[] {1, 0, 2, 0});
        PlatformAdapter adapter = adapter(new AtomicBoolean(true));
        try (HealthServer health = new HealthServer(java.net.InetAddress.getLoopbackAddress(), 0);
                BotCore core = BotCore.create(CoreConfig.defaults(knowledge, temp.resolve("cache"), temp.resolve("data")),
                        spec -> new HashingEmbeddingModel(spec.dimension()), null, Clock.systemUTC())) {
            health.knowledge(core.knowledge());
            health.adapter(adapter);
            health.started();

            // WHEN the refresh finds 0 chunks in that non-empty folder THEN /health is 503, not ready
            core.refresh(dev.episodebot.core.index.IndexingListener.none());
            HttpResponse<String> broken = get(health);
            assertThat(broken.statusCode()).isEqualTo(503);
            assertThat(broken.body()).contains("\"status\":\"not ready\"", "\"chunks\":0", "\"holdsFolder\":false");

            // WHEN a readable file arrives and the knowledge is refreshed THEN ready
            Files.writeString(knowledge.resolve("a.txt"), "第一行\n第二行\n");
            core.refresh(dev.episodebot.core.index.IndexingListener.none());
            HttpResponse<String> ready = get(health);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"ready\"", "\"files\":1");
        }
    }

    @Test
    void listsEveryShardAndWhereTheStateLivesAndStaysReadyWhileRedisIsAway() throws Exception {
        // GIVEN a Discord adapter with two shards, the second down, and a shared state that does not answer
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Files.writeString(knowledge.resolve("a.txt"), "第一行\n第二行\n");
        AtomicBoolean second = new AtomicBoolean(false);
        PlatformAdapter shards = new PlatformAdapter() {
            @Override
            public String name() {
                return "discord";
            }

            @Override
            public void start() {}

            @Override
            public boolean isConnected() {
                return second.get();
            }

            @Override
            public java.util.List<dev.episodebot.core.Connection> connections() {
                return java.util.List.of(new dev.episodebot.core.Connection("discord shard 0/2", true),
                        new dev.episodebot.core.Connection("discord shard 1/2", second.get()));
            }

            @Override
            public void close() {}
        };
        dev.episodebot.core.state.StateBackend away = new dev.episodebot.core.state.StateBackend() {
            @Override
            public String description() {
                return "redis://10.0.0.5:6379";
            }

            @Override
            public boolean shared() {
                return true;
            }

            @Override
            public boolean reachable() {
                return false;
            }

            @Override
            public void close() {}
        };
        try (HealthServer health = new HealthServer(java.net.InetAddress.getLoopbackAddress(), 0);
                BotCore core = BotCore.create(CoreConfig.defaults(knowledge, temp.resolve("cache"), temp.resolve("data")),
                        spec -> new HashingEmbeddingModel(spec.dimension()), null, Clock.systemUTC())) {
            core.refresh(dev.episodebot.core.index.IndexingListener.none());
            health.knowledge(core.knowledge());
            health.state(away);
            health.adapter(shards);
            health.started();

            // WHEN shard 1 is down, THEN 503, naming each shard's state, and the state's backend
            HttpResponse<String> down = get(health);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"discord shard 0/2\":\"connected\"",
                    "\"discord shard 1/2\":\"disconnected\"",
                    "\"state\":{\"backend\":\"redis://10.0.0.5:6379\",\"shared\":true,\"reachable\":false}");

            // WHEN it connects, THEN 200: a Redis that does not answer does not take the instance out
            //      (it answers with its own state meanwhile)
            second.set(true);
            HttpResponse<String> up = get(health);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"discord shard 1/2\":\"connected\"", "\"reachable\":false");
        }
    }
}
