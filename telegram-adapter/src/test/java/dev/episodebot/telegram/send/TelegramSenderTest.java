package dev.episodebot.telegram.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The decisions behind retries and fallbacks; the full paths run against the fake server in TelegramAdapterTest. */
class TelegramSenderTest {

    @Test
    void a429WaitsForRetryAfter() {
        // GIVEN 429s with and without parameters
        TelegramApiRequestException withParameters = error(429, "Too Many Requests: retry after 7",
                new ResponseParameters(null, 7));
        TelegramApiRequestException textOnly = error(429, "Too Many Requests: retry after 3", null);
        TelegramApiRequestException bare = error(429, "Too Many Requests", null);

        // WHEN / THEN
        assertThat(TelegramSender.retryAfter(withParameters)).isEqualTo(Duration.ofSeconds(7));
        assertThat(TelegramSender.retryAfter(textOnly)).isEqualTo(Duration.ofSeconds(3));
        assertThat(TelegramSender.retryAfter(bare)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TelegramSender.retryAfter(error(400, "Bad Request", null))).isNull();
    }

    @Test
    void onlyAnEntityErrorFallsBackToPlainText() {
        // GIVEN / WHEN / THEN
        assertThat(TelegramSender.isEntityError(error(400,
                "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 3", null))).isTrue();
        assertThat(TelegramSender.isEntityError(error(400, "Bad Request: message text is empty", null))).isFalse();
        assertThat(TelegramSender.isEntityError(error(403, "Forbidden: can't parse entities", null))).isFalse();
    }

    private static TelegramApiRequestException error(int code, String description, ResponseParameters parameters) {
        ApiResponse<Boolean> response = ApiResponse.<Boolean>builder().ok(false).errorCode(code)
                .errorDescription(description).parameters(parameters).build();
        return new TelegramApiRequestException("Error executing query", response);
    }
}
