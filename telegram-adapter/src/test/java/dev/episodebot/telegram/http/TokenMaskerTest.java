package dev.episodebot.telegram.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TokenMaskerTest {

    static final String TOKEN = "123456:TEST-token_abc";
    final TokenMasker masker = new TokenMasker(TOKEN);

    @Test
    void masksTheTokenInEveryFormItTakesInUrls() {
        // GIVEN text with the token plain, URL-encoded, and its secret part alone
        String text = "POST /bot123456:TEST-token_abc/sendmessage, /bot123456%3ATEST-token_abc/x, key TEST-token_abc";

        // WHEN masked THEN no form is left
        String masked = masker.mask(text);
        assertThat(masked).isEqualTo("POST /bot<bot-token>/sendmessage, /bot<bot-token>/x, key <bot-token>");
        assertThat(masker.containsToken(masked)).isFalse();
        assertThat(masker.containsToken(text)).isTrue();
    }

    @Test
    void redactsAnExceptionChainKeepingClassesMessagesAndStackTraces() {
        // GIVEN an exception whose cause carries the token
        IOException cause = new IOException("unexpected end of stream on http://h/bot" + TOKEN + "/getupdates");
        RuntimeException error = new RuntimeException("Unable to execute getupdates", cause);

        // WHEN redacted
        RedactedException redacted = masker.redact(error);

        // THEN the descriptions are masked and the stack traces kept
        assertThat(redacted.getMessage()).isEqualTo("java.lang.RuntimeException: Unable to execute getupdates");
        assertThat(redacted.getCause().getMessage())
                .isEqualTo("java.io.IOException: unexpected end of stream on http://h/bot<bot-token>/getupdates");
        assertThat(redacted.getStackTrace()).isEqualTo(error.getStackTrace());
        assertThat(masker.redactIo(cause).getMessage()).doesNotContain("TEST-token");
    }

    @Test
    void aShortTokenIsStillMaskedWhole() {
        // GIVEN a token without a long secret part WHEN / THEN only the whole token is masked
        assertThat(new TokenMasker("abc").mask("/botabc/getme")).isEqualTo("/bot<bot-token>/getme");
        assertThat(new TokenMasker("1:abc").mask("abc 1:abc")).isEqualTo("abc <bot-token>");
    }
}
