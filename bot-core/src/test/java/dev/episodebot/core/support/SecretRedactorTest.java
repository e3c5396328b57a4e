package dev.episodebot.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.config.Env;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one redactor of replies and logs: configured secrets in every form and piece, and secret shapes. */
class SecretRedactorTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Made at run time, so that no secret-shaped literal is committed. */
    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Whether any run of {@code min}+ characters of {@code secret} (prefix or suffix) is in {@code text}. */
    static boolean leaksPiece(String text, String secret, int min) {
        for (int n = min; n <= secret.length(); n++) {
            if (text.contains(secret.substring(0, n)) || text.contains(secret.substring(secret.length() - n))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aKeyCutByATruncationOrEchoedInPartIsMasked() {
        // GIVEN a configured key of 29 characters (not shaped like any known key)
        String key = "qz-" + random(26);
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
        String token = "7" + random(9) + ":" + random(35);
        String key = "k/" + random(10) + "+" + random(10) + "=";
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
        String telegram = "987654321:AAH-" + random(31);
        String openAi = "sk-proj-" + random(40);
        String discord = random(24) + "." + random(6) + "." + random(38);
        String env = "TELEGRAM_BOT_TOKEN=" + telegram + "\nLLM_API_KEY=qz-" + random(20) + "\nREDIS_PASSWORD: \"hunter2hunter\"";

        // WHEN each is redacted
        String masked = redactor.redact(env + "\nkey " + openAi + " discord " + discord + " Authorization: Bearer "
                + random(30));

        // THEN every value is masked and the names stay readable
        assertThat(masked).doesNotContain(telegram.substring(10)).doesNotContain(openAi.substring(3))
                .doesNotContain(discord.substring(0, 20)).doesNotContain("hunter2hunter").doesNotContain("qz-")
                .contains("TELEGRAM_BOT_TOKEN=***").contains("LLM_API_KEY=***").contains("Bearer ***");
        assertThat(masked).doesNotContainPattern("Bearer [A-Za-z0-9]{8}");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        // GIVEN a redactor with a configured secret
        SecretRedactor redactor = SecretRedactor.of(List.of("sk-" + random(30)));

        // WHEN transcript lines, times, paths and short words are redacted
        String text = "这些成就是由不到 15 人的技术团队完成的 00:01:02,500 --> 00:01:04,000 token limit: 4096 "
                + "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=62 /help";

        // THEN nothing changes, and toString shows no value
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.toString()).doesNotContain("sk-");
    }
}
