/**
 * The Discord adapter of episode-bot. The composition root builds a
 * {@link dev.episodebot.discord.DiscordConfig} from the environment and a
 * {@link dev.episodebot.discord.DiscordAdapter} from it and the core:
 * {@code new DiscordAdapter(DiscordConfig.from(env), core.bot(), core.feedback())}.
 *
 * <p>Sub-packages: {@code gateway} (the JDA client, intents, URL overrides),
 * {@code features} (what the bot does: slash commands, mentions and threads, DMs, feedback
 * buttons), {@code render} (a core reply as Discord messages).
 */
package dev.episodebot.discord;
