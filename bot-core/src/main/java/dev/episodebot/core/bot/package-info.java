/**
 * The bot behind the {@link dev.episodebot.core.EpisodeBot} API: {@link dev.episodebot.core.bot.DefaultEpisodeBot}
 * dispatches the core commands and guards every question (input cleaning, length limit, per-user
 * rate limit shared with the commands, a global cap on questions in flight);
 * {@link dev.episodebot.core.bot.ShownText} is what every reply goes through (no control or bidi
 * characters, no secret, no absolute path); {@link dev.episodebot.core.bot.ConversationMemories}
 * keeps a bounded window of each conversation; {@link dev.episodebot.core.bot.FileFeedbackRecorder}
 * stores votes (the state behind them, and the rate limiter, are the {@code state} package's, which
 * several instances can share); {@link dev.episodebot.core.bot.BotCore} wires the core together from a
 * {@link dev.episodebot.core.config.CoreConfig}.
 */
package dev.episodebot.core.bot;
