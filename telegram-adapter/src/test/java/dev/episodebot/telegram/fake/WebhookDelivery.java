package dev.episodebot.telegram.fake;

import java.time.Instant;

/**
 * One webhook request the fake Telegram made.
 *
 * @param updateId the update it carried
 * @param target where it went
 * @param status the HTTP status that came back (-1 when the connection failed)
 * @param at when the status came back
 */
public record WebhookDelivery(int updateId, String target, int status, Instant at) {
}
