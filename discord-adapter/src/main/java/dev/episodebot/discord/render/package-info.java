/**
 * Turns a core {@link dev.episodebot.core.BotReply} into Discord messages
 * ({@link dev.episodebot.discord.render.ReplyRenderer}, the Discord
 * {@link dev.episodebot.core.render.Surface}): block quotes with the answering line bold, one compact
 * citation line per quote, Markdown-escaped text ({@link dev.episodebot.discord.render.DiscordMarkdown})
 * split under Discord's 2000-character limit by the core's shared splitter, 👍/👎 and "more"
 * buttons ({@link dev.episodebot.discord.render.ReplyButtonRows}), and no allowed mentions. Every
 * text the adapter says itself comes from the core's catalog.
 */
package dev.episodebot.discord.render;
