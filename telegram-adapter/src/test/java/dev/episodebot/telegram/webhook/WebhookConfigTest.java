package dev.episodebot.telegram.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code TELEGRAM_WEBHOOK_*}: webhook mode only with a URL and a secret; one sentence naming the variable otherwise. */
class WebhookConfigTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final String URL = "https://bot.example.org/telegram/hook";

    private static WebhookConfig parse(Map<String, String> values) {
        return WebhookConfig.from(new Env(values)).orElseThrow();
    }

    private static Map<String, String> with(String... pairs) {
        Map<String, String> values = new HashMap<>(Map.of(WebhookConfig.URL, URL, WebhookConfig.SECRET, SECRET));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                values.remove(pairs[i]);
            } else {
                values.put(pairs[i], pairs[i + 1]);
            }
        }
        return values;
    }

    @Test
    void withoutAUrlItIsLongPolling() {
        assertThat(WebhookConfig.from(new Env(Map.of()))).isEmpty();
    }

    @Test
    void aUrlAndASecretGiveWebhookModeOnLoopbackByDefault() {
        WebhookConfig config = parse(with());
        assertThat(config.publicUrl()).hasToString(URL);
        assertThat(config.path()).isEqualTo("/telegram/hook");
        assertThat(config.port()).isEqualTo(WebhookConfig.DEFAULT_PORT);
        assertThat(config.bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(config.toString()).doesNotContain(SECRET);
        assertThat(parse(with(WebhookConfig.BIND, "0.0.0.0", WebhookConfig.PORT, "8443")).bind().isAnyLocalAddress())
                .isTrue();
        assertThat(parse(with(WebhookConfig.URL, "https://bot.example.org")).path()).isEqualTo("/");
    }

    @Test
    void eachBadValueStopsWithOneSentenceNamingItsVariable() {
        assertThatThrownBy(() -> parse(with(WebhookConfig.SECRET, null)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TELEGRAM_WEBHOOK_SECRET must be set");
        assertThatThrownBy(() -> parse(with(WebhookConfig.SECRET, "short")))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_SECRET must be 16 to 256").hasMessageNotContaining("short");
        assertThatThrownBy(() -> parse(with(WebhookConfig.SECRET, SECRET + "!")))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_SECRET must be").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> parse(with(WebhookConfig.URL, "http://bot.example.org/hook")))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_URL must be the bot's public https URL");
        assertThatThrownBy(() -> parse(with(WebhookConfig.URL, "https://bot.example.org/hook?x=1")))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_URL must be");
        assertThatThrownBy(() -> parse(with(WebhookConfig.PORT, "70000")))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_PORT must be");
        assertThatThrownBy(() -> parse(with(WebhookConfig.BIND, "localhost")))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_BIND must be an IP address");
        assertThatThrownBy(() -> WebhookConfig.from(new Env(Map.of(WebhookConfig.SECRET, SECRET))))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not")
                .hasMessageNotContaining(SECRET);
    }
}
