/**
 * Turning a core {@link dev.episodebot.core.BotReply} into Telegram messages:
 * {@link dev.episodebot.telegram.render.ReplyRenderer} escapes every piece of text for Telegram's
 * HTML parse mode ({@link dev.episodebot.telegram.render.TelegramHtml}) and adds the citations as a
 * compact list; {@link dev.episodebot.telegram.render.MessageSplitter} cuts the result into
 * {@link dev.episodebot.telegram.render.MessagePart parts} of at most 4096 characters on paragraph
 * or line boundaries, never inside a tag or an entity. Each part also carries its plain-text form,
 * sent instead when Telegram rejects the markup.
 */
package dev.episodebot.telegram.render;
