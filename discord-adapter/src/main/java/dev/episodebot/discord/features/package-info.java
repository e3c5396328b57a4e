/**
 * What the bot does on Discord, one listener per feature, all listed in
 * {@link dev.episodebot.discord.features.DiscordFeatures}:
 *
 * <ul>
 *   <li>{@link dev.episodebot.discord.features.SlashCommandListener}: {@code /ask}, {@code /sources},
 *       {@code /new}, {@code /status}, {@code /help}, {@code /reload}
 *       (defined and registered by {@link dev.episodebot.discord.features.SlashCommands});
 *   <li>{@link dev.episodebot.discord.features.MessageListener}: a mention in a channel starts a
 *       thread and answers there, later messages in that thread are follow-ups, every DM is a
 *       question;
 *   <li>{@link dev.episodebot.discord.features.ButtonListener}: 👍/👎 under answers, "more" under a
 *       reply cut at {@code MAX_REPLY_MESSAGES}.
 * </ul>
 *
 * <p>Listeners run on JDA's event thread and do only cheap work there: they acknowledge, build a
 * {@link dev.episodebot.core.BotRequest}, and hand it to the
 * {@link dev.episodebot.discord.features.Answerer}, which asks the core and sends the rendered reply
 * on the adapter's own bounded {@link dev.episodebot.discord.features.AnswerExecutor}. The core
 * decides everything about the answer, including admin checks, rate limits and long questions.
 */
package dev.episodebot.discord.features;
