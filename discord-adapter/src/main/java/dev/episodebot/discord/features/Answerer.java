package dev.episodebot.discord.features;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.Language;
import dev.episodebot.discord.render.AdapterTexts;
import dev.episodebot.discord.render.ReplyRenderer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the core and delivers its reply, on the {@link AnswerExecutor}, never on the calling (JDA
 * event) thread. The adapter holds no answering logic: every request goes to
 * {@link EpisodeBot#handle(BotCommand, BotRequest)} as it is, and the reply is only rendered.
 */
final class Answerer {

    private static final Logger LOG = LoggerFactory.getLogger(Answerer.class);

    private final EpisodeBot bot;
    private final AnswerExecutor executor;
    private final ReplyRenderer renderer;

    Answerer(EpisodeBot bot, AnswerExecutor executor, ReplyRenderer renderer) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /**
     * Queues the request; when the executor is full or closing, tells the user the bot is busy
     * instead (without waiting).
     */
    void answer(BotCommand command, BotRequest request, ReplyTarget target) {
        if (!executor.submit(() -> run(command, request, target))) {
            Language language = Language.detect(request.text());
            boolean closing = !executor.isAccepting();
            LOG.warn("Discord answer queue {}; told user {} to ask again later.", closing ? "closed" : "full",
                    request.userId());
            target.notify(renderer.notice(closing ? AdapterTexts.restarting(language) : AdapterTexts.busy(language)));
        }
    }

    /** Whether new questions are still taken. */
    boolean isAccepting() {
        return executor.isAccepting();
    }

    private void run(BotCommand command, BotRequest request, ReplyTarget target) {
        target.showWorking();
        BotReply reply;
        try {
            reply = bot.handle(command, request);
        } catch (RuntimeException e) {
            LOG.error("The core failed to handle /{} in conversation {}.", command.word(), request.conversationId(), e);
            Language language = Language.detect(request.text());
            reply = BotReply.refusal(AdapterTexts.failure(language), language);
        }
        try {
            target.send(renderer.render(reply));
        } catch (RuntimeException e) {
            LOG.warn("Could not deliver the reply to /{} in conversation {}: {}", command.word(),
                    request.conversationId(), e.toString());
        }
    }
}
