/**
 * Receiving updates. telegrambots' long-polling session calls
 * {@link dev.episodebot.telegram.polling.UpdateIntake} with each batch; the intake drops updates
 * already handled (the {@link dev.episodebot.telegram.polling.UpdateLedger}, persisted by the
 * {@link dev.episodebot.telegram.polling.OffsetStore} so a restart answers nothing twice) and hands
 * the rest to the {@link dev.episodebot.telegram.polling.ChatSerialExecutor}: our own bounded
 * thread pool that runs different chats concurrently and one chat's updates in order. Nothing
 * thrown while handling reaches the polling thread, so polling never stops. Telegram is only told
 * (by the polling offset) about updates that are handled: one cut by a shutdown is delivered again
 * after the restart.
 */
package dev.episodebot.telegram.polling;
