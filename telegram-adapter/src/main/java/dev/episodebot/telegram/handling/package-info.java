/**
 * Handling one update. {@link dev.episodebot.telegram.handling.UpdateHandler} routes it:
 * messages to {@link dev.episodebot.telegram.handling.MessageHandler}, which asks the
 * {@link dev.episodebot.telegram.handling.MessageInterpreter} whether (and what) the message asks
 * the bot, passes that to the core's {@link dev.episodebot.core.EpisodeBot} while showing
 * {@code typing}, and hands the reply to {@link dev.episodebot.telegram.handling.ReplyDelivery}
 * (at most the message cap, then a "more" button; 👍/👎 under answers, see
 * {@link dev.episodebot.telegram.handling.ReplyKeyboards}); button presses to
 * {@link dev.episodebot.telegram.handling.ButtonHandler}, which records votes through the core's
 * {@link dev.episodebot.core.FeedbackRecorder} and sends the next page on "more". All answering,
 * rate limiting and admin checks are the core's.
 */
package dev.episodebot.telegram.handling;
