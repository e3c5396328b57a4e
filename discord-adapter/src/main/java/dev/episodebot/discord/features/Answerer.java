package dev.episodebot.discord.features;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.render.Continuations;
import dev.episodebot.core.render.MessagePart;
import dev.episodebot.core.render.ReplyLimits;
import dev.episodebot.core.render.ReplyPages;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import dev.episodebot.discord.render.ReplyRenderer;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the core and delivers its reply, on the {@link AnswerExecutor}, never on the calling (JDA
 * event) thread. The adapter holds no answering logic: every request goes to
 * {@link EpisodeBot#handle(BotCommand, BotRequest)} as it is, and the reply is only rendered. At
 * most {@code MAX_REPLY_MESSAGES} messages of a reply are sent; the rest waits (bounded) behind a
 * "more" button, sent a page at a time when pressed ({@link #more}). A streamed LLM answer shows
 * while it is written ({@link StreamedReply}) and its final reply replaces the drafts.
 */
final class Answerer {

    private static final Logger LOG = LoggerFactory.getLogger(Answerer.class);

    private final EpisodeBot bot;
    private final AnswerExecutor executor;
    private final ReplyRenderer renderer;
    private final int cap;
    private final Continuations<MessagePart> continuations;

    Answerer(EpisodeBot bot, AnswerExecutor executor, ReplyRenderer renderer) {
        this(bot, executor, renderer, ReplyLimits.defaults());
    }

    Answerer(EpisodeBot bot, AnswerExecutor executor, ReplyRenderer renderer, ReplyLimits limits) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.cap = limits.maxMessages();
        this.continuations = limits.continuations(part -> part.markup().length());
    }

    /**
     * Queues the request; when the executor is full or closing, tells the user the bot is busy
     * instead (without waiting).
     */
    void answer(BotCommand command, BotRequest request, ReplyTarget target) {
        if (!executor.submit(() -> run(command, request, target))) {
            refuse(request.replyLanguage(), request.userId(), target);
        }
    }

    /**
     * Queues sending the next page of the continuation {@code key} to {@code target}; a key that
     * is no longer known gets a short notice.
     */
    void more(String key, Language language, String userId, ReplyTarget target) {
        boolean queued = executor.submit(() -> {
            Optional<Continuations.Page<MessagePart>> page = continuations.nextPage(key, cap);
            if (page.isEmpty()) {
                target.notify(renderer.notice(Catalog.text(language, UiText.MORE_EXPIRED)));
                return;
            }
            Continuations.Page<MessagePart> next = page.get();
            deliver(target, renderer.messages(next.shown(), null, next.moreKey(), next.left(), next.language()),
                    "the next page of a reply");
        });
        if (!queued) {
            refuse(language, userId, target);
        }
    }

    /** Whether new questions are still taken. */
    boolean isAccepting() {
        return executor.isAccepting();
    }

    private void refuse(Language language, String userId, ReplyTarget target) {
        boolean closing = !executor.isAccepting();
        LOG.warn("Discord answer queue {}; told user {} to ask again later.", closing ? "closed" : "full", userId);
        target.notify(renderer.notice(Catalog.text(language, closing ? UiText.RESTARTING : UiText.BUSY)));
    }

    private void run(BotCommand command, BotRequest request, ReplyTarget target) {
        target.showWorking();
        BotReply reply;
        try {
            reply = command == BotCommand.ASK
                    ? bot.handle(command, request, new StreamedReply(target, renderer, StreamedReply.EDIT_INTERVAL,
                            System::nanoTime))
                    : bot.handle(command, request);
        } catch (RuntimeException e) {
            LOG.error("The core failed to handle /{} in conversation {}.", command.word(), request.conversationId(), e);
            Language language = request.replyLanguage();
            reply = BotReply.of(ReplyKind.ERROR, Catalog.text(language, UiText.ERROR), language);
        }
        List<List<MessagePart>> pages = ReplyPages.of(reply).stream().map(renderer::parts).toList();
        Continuations.Page<MessagePart> page = continuations.firstOfPages(pages, cap, reply.language());
        deliver(target, renderer.messages(page.shown(), reply, page.moreKey(), page.left(), page.language()),
                "the reply to /" + command.word() + " in conversation " + request.conversationId());
    }

    private static void deliver(ReplyTarget target, List<MessageCreateData> messages, String what) {
        try {
            target.send(messages);
        } catch (RuntimeException e) {
            LOG.warn("Could not deliver {}: {}", what, e.toString());
        }
    }
}
