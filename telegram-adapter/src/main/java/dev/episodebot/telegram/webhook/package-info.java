/**
 * Receiving updates by webhook ({@code TELEGRAM_WEBHOOK_URL}), the way several instances behind a
 * reverse proxy share one bot: {@link dev.episodebot.telegram.webhook.WebhookConfig} (validated
 * settings), {@link dev.episodebot.telegram.webhook.WebhookServer} (the endpoint: the secret
 * checked in constant time, 200 at once) and {@link dev.episodebot.telegram.webhook.WebhookIntake}
 * (the shared delivery ledger, then the per-chat executor). The adapter calls {@code setWebhook}
 * with the secret and the update types at start. Long polling ({@code polling}) stays the default.
 */
package dev.episodebot.telegram.webhook;
