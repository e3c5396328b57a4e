/**
 * Handling one update. {@link dev.episodebot.telegram.handling.UpdateHandler} routes it:
 * messages to {@link dev.episodebot.telegram.handling.MessageHandler}, which asks the
 * {@link dev.episodebot.telegram.handling.MessageInterpreter} whether (and what) the message asks
 * the bot, passes that to the core's {@link dev.episodebot.core.EpisodeBot} while showing
 * {@code typing}, and sends the rendered reply with 👍/👎 buttons under answers; button presses to
 * {@link dev.episodebot.telegram.handling.FeedbackHandler}, which records the vote through the
 * core's {@link dev.episodebot.core.FeedbackRecorder}. All answering, rate limiting and admin
 * checks are the core's.
 */
package dev.episodebot.telegram.handling;
