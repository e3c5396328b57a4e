/**
 * Turning a core {@link dev.episodebot.core.BotReply} into Telegram HTML messages:
 * {@link dev.episodebot.telegram.render.ReplyRenderer} is the Telegram
 * {@link dev.episodebot.core.render.Surface} (quotes in {@code <blockquote>}, the answering line in
 * {@code <b>}, one compact citation line per quote, everything escaped by
 * {@link dev.episodebot.telegram.render.TelegramHtml}); the core's shared
 * {@link dev.episodebot.core.render.MessageSplitter} cuts it into messages of at most 4096
 * characters, never inside a tag or an entity.
 */
package dev.episodebot.telegram.render;
