package dev.episodebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.http.TokenMasker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the adapter's end-to-end tests share: a {@link FakeTelegramServer} expecting {@link #TOKEN},
 * a {@link StubCore}, quick tuning, the adapters a test started (closed after it), and the check
 * that nothing logged holds the token or any of {@link #secretsNeverLogged()}.
 */
abstract class AdapterFixture {

    static final String TOKEN = "123456:TEST-token";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long USER = 1001;

    @TempDir
    Path dataDir;

    FakeTelegramServer server;
    StubCore core;
    final List<TelegramAdapter> adapters = new ArrayList<>();

    @BeforeEach
    void startFakeTelegram() {
        CapturingAppender.clear();
        server = FakeTelegramServer.start().expectToken(TOKEN);
        core = new StubCore();
    }

    @AfterEach
    void closeAndCheckTheLogs() {
        adapters.forEach(TelegramAdapter::close);
        server.close();
        // THEN nothing this test made the adapter or the library log contains the token or a secret
        TokenMasker masker = new TokenMasker(TOKEN);
        assertThat(CapturingAppender.events()).noneMatch(masker::containsToken);
        for (String secret : secretsNeverLogged()) {
            assertThat(CapturingAppender.events()).noneMatch(e -> e.contains(secret));
        }
    }

    /** Other secrets the test configures, which no log line may hold. */
    List<String> secretsNeverLogged() {
        return List.of();
    }

    /** Four workers, short polls and retries: quick tests. */
    static TelegramTuning quickTuning() {
        return new TelegramTuning(4, 100, Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(100), 3,
                Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    /** Starts {@code adapter} and closes it after the test. */
    TelegramAdapter started(TelegramAdapter adapter) throws Exception {
        adapters.add(adapter);
        adapter.start();
        return adapter;
    }
}
