/**
 * HTTP plumbing: {@link dev.episodebot.telegram.http.TelegramHttpClients} builds the OkHttp clients
 * the telegrambots poller and sender run on (OkHttp 5, the one JDA uses too), and
 * {@link dev.episodebot.telegram.http.TokenMasker} keeps the bot token, which is part of every
 * request URL, out of exception messages and logs.
 */
package dev.episodebot.telegram.http;
