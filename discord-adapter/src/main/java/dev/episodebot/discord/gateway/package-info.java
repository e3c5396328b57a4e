/**
 * The connection to Discord: which gateway intents are requested
 * ({@link dev.episodebot.discord.gateway.DiscordIntents}), how the JDA client is built, including
 * the REST and gateway URL overrides ({@link dev.episodebot.discord.gateway.JdaFactory},
 * {@link dev.episodebot.discord.gateway.GatewayOverrideSessionController}), which shards an instance
 * runs ({@link dev.episodebot.discord.gateway.ShardRange}, {@code DISCORD_SHARD_TOTAL} and
 * {@code DISCORD_SHARDS}) and when they are all ready ({@link dev.episodebot.discord.gateway.ShardsReady}),
 * and what the log says when Discord closes the gateway for good
 * ({@link dev.episodebot.discord.gateway.GatewayMonitor}).
 */
package dev.episodebot.discord.gateway;
