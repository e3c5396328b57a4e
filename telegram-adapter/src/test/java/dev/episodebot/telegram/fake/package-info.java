/**
 * A fake Telegram Bot API server for tests and manual acceptance checks.
 * {@link dev.episodebot.telegram.fake.FakeTelegramServer} speaks the Bot API subset the adapter
 * uses on 127.0.0.1 (long-polled {@code getUpdates} with real offset semantics, {@code getMe},
 * {@code deleteWebhook}, {@code setMyCommands}, {@code sendMessage} with HTML validation by
 * {@link dev.episodebot.telegram.fake.FakeHtml}, {@code sendChatAction},
 * {@code answerCallbackQuery}), records every call, and lets a test script updates and inject
 * faults (429 with {@code retry_after}, 500, 400 "can't parse entities").
 * {@link dev.episodebot.telegram.fake.FakeTelegramServerMain} runs it standalone beside the fat jar.
 * It depends on the JDK and Jackson only.
 */
package dev.episodebot.telegram.fake;
