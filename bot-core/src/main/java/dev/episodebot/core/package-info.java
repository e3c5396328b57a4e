/**
 * The platform-neutral API of episode-bot: a {@link dev.episodebot.core.BotRequest} goes in, a
 * {@link dev.episodebot.core.BotReply} comes out, and {@link dev.episodebot.core.EpisodeBot}
 * dispatches the core {@link dev.episodebot.core.BotCommand commands}. Adapters (Discord,
 * Telegram, console) depend on this package only; they translate platform events into requests
 * and render replies, and hold no answering logic.
 */
package dev.episodebot.core;
