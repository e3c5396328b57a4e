package dev.episodebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramConfigTest {

    static final String TOKEN = "123456:TEST-token";

    @Test
    void readsTheTokenAndDefaultsToTheOfficialApi() {
        // GIVEN only a token
        Env env = new Env(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));

        // WHEN the config is read
        TelegramConfig config = TelegramConfig.from(env);

        // THEN it talks to api.telegram.org over https and keeps state under data/telegram
        assertThat(TelegramConfig.isConfigured(env)).isTrue();
        assertThat(config.botToken()).isEqualTo(TOKEN);
        assertThat(config.apiUrl()).hasToString("https://api.telegram.org");
        assertThat(config.telegramUrl()).isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
        assertThat(config.stateDir()).isEqualTo(Path.of("data", "telegram"));
        assertThat(config.tuning()).isEqualTo(TelegramTuning.defaults());
    }

    @Test
    void pointsAtASelfHostedServer() {
        // GIVEN a self-hosted Bot API server and a data folder
        Env env = new Env(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", "http://127.0.0.1:8081/",
                "DATA_DIR", "/var/lib/bot"));

        // WHEN the config is read THEN both are used
        TelegramConfig config = TelegramConfig.from(env);
        assertThat(config.telegramUrl()).isEqualTo(new TelegramUrl("http", "127.0.0.1", 8081, false));
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/bot"));
    }

    @Test
    void aMissingTokenNamesTheVariable() {
        // GIVEN no token
        Env env = new Env(Map.of("TELEGRAM_API_URL", "http://127.0.0.1:8081"));

        // WHEN / THEN
        assertThat(TelegramConfig.isConfigured(env)).isFalse();
        assertThatThrownBy(() -> TelegramConfig.from(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TELEGRAM_BOT_TOKEN must be set");
    }

    @Test
    void aTokenWithSpacesIsRejectedWithoutEchoingIt() {
        // GIVEN a token with a space
        Env env = new Env(Map.of("TELEGRAM_BOT_TOKEN", "123456:TEST token"));

        // WHEN / THEN
        assertThatThrownBy(() -> TelegramConfig.from(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TELEGRAM_BOT_TOKEN")
                .hasMessageNotContaining("TEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1", "not a url", "http://127.0.0.1:8081/bot", "http://h/?q=1",
            "http://user:pw@h"})
    void anInvalidApiUrlNamesTheVariable(String url) {
        // GIVEN a URL that is not a server root
        Env env = new Env(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", url));

        // WHEN / THEN
        assertThatThrownBy(() -> TelegramConfig.from(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TELEGRAM_API_URL must be");
    }

    @Test
    void neverPrintsTheToken() {
        // GIVEN a config
        TelegramConfig config = TelegramConfig.from(new Env(Map.of("TELEGRAM_BOT_TOKEN", TOKEN)));

        // WHEN / THEN
        assertThat(config.toString()).doesNotContain("TEST-token").contains("botToken=***");
    }
}
