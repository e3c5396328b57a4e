/**
 * Turns a core {@link dev.episodebot.core.BotReply} into Discord messages
 * ({@link dev.episodebot.discord.render.ReplyRenderer}): Markdown-escaped text
 * ({@link dev.episodebot.discord.render.DiscordMarkdown}) split under Discord's 2000-character limit
 * ({@link dev.episodebot.discord.render.MessageSplitter}), citations in an embed
 * ({@link dev.episodebot.discord.render.CitationEmbed}), 👍/👎 buttons under answers
 * ({@link dev.episodebot.discord.render.FeedbackButtons}), and no allowed mentions. Rendering never
 * changes what the core said; the adapter's own few texts are in
 * {@link dev.episodebot.discord.render.AdapterTexts}.
 */
package dev.episodebot.discord.render;
