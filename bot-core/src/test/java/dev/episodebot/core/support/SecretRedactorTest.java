package dev.episodebot.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.config.Env;
import dev.episodebot.core.testing.TestSecrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one redactor of replies and logs: configured secrets in every form and piece, and secret shapes. */
class SecretRedactorTest {


    private static boolean leaksPiece(String text, String secret, int min) {
        return !TestSecrets.leakedPieces(text, secret, min).isEmpty();
    }

    @Test
    void aKeyCutByATruncationOrEchoedInPartIsMasked() {
        // GIVEN a configured key of 29 characters (not shaped like any known key)
        String key = "qz-" + TestSecrets.random(26);
        SecretRedactor redactor = SecretRedactor.fromEnv(new Env(Map.of("LLM_API_KEY", key)));

        // WHEN texts carry its first 22 characters (a 160-character cut), its last 10, or all of it twice
        String cut = "HTTP 401 {\"error\":\"Incorrect API key provided: " + key.substring(0, 22) + "…";
        String tail = "…" + key.substring(key.length() - 10) + " was refused";
        String whole = key + " and again " + key + ".";

        // THEN no piece of 8 characters or more is left, and the rest of the text is
        for (String text : List.of(cut, tail, whole)) {
            String masked = redactor.redact(text);
            assertThat(leaksPiece(masked, key, SecretRedactor.MIN_PIECE)).as(masked).isFalse();
            assertThat(masked).contains(SecretRedactor.MASK);
        }
        assertThat(redactor.redact(cut)).startsWith("HTTP 401 {\"error\":\"Incorrect API key provided: ***");
        assertThat(redactor.redact(tail)).isEqualTo("…*** was refused");
    }

    @Test
    void urlEncodedFormsAndATokensSecretPartAreMasked() {
        // GIVEN a configured Telegram token and a key with characters that URL encoding changes
        String token = "7" + TestSecrets.random(9) + ":" + TestSecrets.random(35);
        String key = "k/" + TestSecrets.random(10) + "+" + TestSecrets.random(10) + "=";
        SecretRedactor redactor = SecretRedactor.of(List.of(token, key));

        // WHEN they appear URL-encoded, or the token's part after the colon alone
        String text = "GET /bot" + token.replace(":", "%3A") + "/getMe?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + " secret=" + token.substring(token.indexOf(':') + 1);

        // THEN none of them is left
        String masked = redactor.redact(text);
        assertThat(masked).doesNotContain(token.substring(token.indexOf(':') + 1, token.indexOf(':') + 9))
                .doesNotContain(URLEncoder.encode(key, StandardCharsets.UTF_8)).doesNotContain(key.substring(2, 12));
    }

    @Test
    void anythingShapedLikeATokenOrKeyIsMaskedEvenWhenNotConfigured() {
        // GIVEN no configured secret, and text holding secrets of other bots and services
        SecretRedactor redactor = SecretRedactor.shapesOnly();
        String telegram = "987654321:AAH-" + TestSecrets.random(31);
        String openAi = "sk-proj-" + TestSecrets.random(40);
        String discord = TestSecrets.random(24) + "." + TestSecrets.random(6) + "." + TestSecrets.random(38);
        String env = "TELEGRAM_BOT_TOKEN=" + telegram + "\nLLM_API_KEY=qz-" + TestSecrets.random(20) + "\nREDIS_PASSWORD: \"hunter2hunter\"";

        // WHEN each is redacted
        String masked = redactor.redact(env + "\nkey " + openAi + " discord " + discord + " Authorization: Bearer "
                + TestSecrets.random(30));

        // THEN every value is masked and the names stay readable
        assertThat(masked).doesNotContain(telegram.substring(10)).doesNotContain(openAi.substring(3))
                .doesNotContain(discord.substring(0, 20)).doesNotContain("hunter2hunter").doesNotContain("qz-")
                .contains("TELEGRAM_BOT_TOKEN=***").contains("LLM_API_KEY=***").contains("Bearer ***");
        assertThat(masked).doesNotContainPattern("Bearer [A-Za-z0-9]{8}");
    }

    @Test
    void aBotApiPathIsMaskedButAHostOrPathThatOnlyStartsWithBotIsNot() {
        // GIVEN no configured secret
        SecretRedactor redactor = SecretRedactor.shapesOnly();

        // WHEN a Bot API path with an unconfigured short token, and URLs that merely start with "bot", are redacted
        String api = redactor.redact("POST http://127.0.0.1:8081/bot123456:TEST-token/sendMessage and /bot123456%3ATEST-token/getMe");
        String webhook = "webhook https://bot.example.com/telegram/hook and https://example.com/botanical-garden/x";

        // THEN the token is masked, the other URLs stay as they are
        assertThat(api).isEqualTo("POST http://127.0.0.1:8081/bot***/sendMessage and /bot***/getMe");
        assertThat(redactor.redact(webhook)).isEqualTo(webhook);
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        // GIVEN a redactor with a configured secret
        SecretRedactor redactor = SecretRedactor.of(List.of("sk-" + TestSecrets.random(30)));

        // WHEN transcript lines, times, paths and short words are redacted
        String text = "这些成就是由不到 15 人的技术团队完成的 00:01:02,500 --> 00:01:04,000 token limit: 4096 "
                + "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=62 /help";

        // THEN nothing changes, and toString shows no value
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.toString()).doesNotContain("sk-");
    }
}
