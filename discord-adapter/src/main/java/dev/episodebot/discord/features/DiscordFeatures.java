package dev.episodebot.discord.features;

import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.render.ReplyLimits;
import dev.episodebot.discord.render.ReplyRenderer;
import java.util.List;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * The explicit list of what the bot does on Discord. To add a feature, write a listener and add it
 * here.
 */
public final class DiscordFeatures {

    private DiscordFeatures() {}

    /** The feature listeners, all answering through one {@link Answerer} on {@code executor}. */
    public static List<EventListener> create(EpisodeBot bot, FeedbackRecorder feedback, AnswerExecutor executor,
            ReplyLimits limits) {
        Answerer answerer = new Answerer(bot, executor, new ReplyRenderer(), limits);
        return List.of(
                new SlashCommandListener(answerer, bot::episodeTitles), // /ask /sources /new /status /help /reload
                                                                         // /outline /summary /search
                new MessageListener(answerer), // mentions start threads; thread follow-ups; DMs
                new ButtonListener(feedback, answerer)); // 👍/👎 under answers, "more" under long replies
    }
}
