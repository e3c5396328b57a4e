/**
 * The Telegram adapter: a {@link dev.episodebot.core.PlatformAdapter} on the telegrambots 10.x
 * long-polling client. This package is the module's API for the composition root:
 * {@link dev.episodebot.telegram.TelegramConfig} (read from the environment) and
 * {@link dev.episodebot.telegram.TelegramAdapter} (built from that config, the core's
 * {@link dev.episodebot.core.EpisodeBot} and {@link dev.episodebot.core.FeedbackRecorder}).
 *
 * <p>The sub-packages are internals: {@code polling} receives updates and hands them to our own
 * executor, {@code handling} decides what a message asks and calls the core, {@code render} turns
 * a reply into Telegram HTML messages, {@code send} delivers them, and {@code http} builds the
 * OkHttp clients and keeps the bot token out of logs.
 */
package dev.episodebot.telegram;
