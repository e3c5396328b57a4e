package dev.episodebot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One Bot API call the fake server received.
 *
 * @param seq the order of arrival, from 1
 * @param at when it arrived
 * @param token the token from the path {@code /bot<token>/<method>}
 * @param method the method, lower-case ({@code sendmessage})
 * @param params the JSON body (or form/query parameters as a JSON object)
 * @param status the HTTP status the fake answered with
 * @param response the body the fake answered with
 */
public record RecordedCall(long seq, Instant at, String token, String method, JsonNode params, int status,
        JsonNode response) {

    /** Whether the fake answered with {@code ok: true}. */
    public boolean ok() {
        return response != null && response.path("ok").asBoolean(false);
    }
}
