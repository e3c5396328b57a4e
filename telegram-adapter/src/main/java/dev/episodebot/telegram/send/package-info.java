/**
 * Delivering messages: {@link dev.episodebot.telegram.send.TelegramSender} sends the
 * {@link dev.episodebot.core.render.MessagePart parts} of a reply in order, waits out
 * Telegram's 429 {@code retry_after}, and resends a part as plain text when Telegram cannot parse
 * its HTML.
 */
package dev.episodebot.telegram.send;
