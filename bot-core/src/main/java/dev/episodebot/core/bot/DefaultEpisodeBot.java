package dev.episodebot.core.bot;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Connection;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.ReplyProgress;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.answer.QuestionAnswerer;
import dev.episodebot.core.config.AdminList;
import dev.episodebot.core.index.KnowledgeBase;
import dev.episodebot.core.index.RefreshReport;
import dev.episodebot.core.index.SourceSummary;
import dev.episodebot.core.overview.EpisodeOverviews;
import dev.episodebot.core.state.InMemoryRateLimiter;
import dev.episodebot.core.state.RateLimiter;
import dev.episodebot.core.state.StateBackend;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches the core commands. Every command counts against the user's rate limit (the console
 * is not limited). Every question is cleaned (control characters, bidi overrides, combining
 * floods), checked for length, counted against the global in-flight cap, answered, and
 * remembered in its conversation. Every reply goes through {@link ShownText} (no control or bidi
 * characters, no secret, no absolute path of the bot's folders) before it is returned. Nothing
 * escapes as an exception: an unexpected error becomes a polite reply and a log line.
 */
public final class DefaultEpisodeBot implements EpisodeBot {

    private static final Logger log = LoggerFactory.getLogger(DefaultEpisodeBot.class);

    /**
     * The limits of the guard.
     *
     * @param maxQuestionChars longer questions are refused
     * @param rateLimitPerMinute questions per user per minute (the console is not limited)
     * @param maxInFlight questions answered at once
     * @param maxQueued questions waiting for a slot; past it the bot says it is busy
     */
    public record Limits(int maxQuestionChars, int rateLimitPerMinute, int maxInFlight, int maxQueued) {}

    private final KnowledgeBase knowledge;
    private final QuestionAnswerer answerer;
    private final ConversationMemories memories;
    private final FileFeedbackRecorder feedback;
    private final AdminList admins;
    private final Limits limits;
    private final RateLimiter rateLimiter;
    private final StateBackend backend;
    private final Supplier<List<Connection>> connections;
    private final InFlightLimiter inFlight;
    private final Runnable reload;
    private final ShownText shown;
    private final EpisodeOverviews overviews;

    /**
     * A bot on its own: rate limits in this process, no connections to report.
     *
     * @param reload forces a knowledge refresh (the {@code reload} command)
     * @param shown what every text of every reply goes through ({@link ShownText})
     * @param overviews {@code /outline}, {@code /summary} and {@code /search}
     */
    public DefaultEpisodeBot(KnowledgeBase knowledge, QuestionAnswerer answerer, ConversationMemories memories,
            FileFeedbackRecorder feedback, AdminList admins, Limits limits, Clock clock, Runnable reload,
            ShownText shown, EpisodeOverviews overviews) {
        this(knowledge, answerer, memories, feedback, admins, limits,
                new InMemoryRateLimiter(limits.rateLimitPerMinute(), clock), StateBackend.LOCAL, List::of, reload,
                shown, overviews);
    }

    /**
     * @param rateLimiter counts every request per user ({@link Limits#rateLimitPerMinute()} is its limit)
     * @param backend where the shared state lives ({@code /status} says so when it is shared)
     * @param connections the adapters' connections, for {@code /status}
     * @param reload forces a knowledge refresh (the {@code reload} command)
     * @param shown what every text of every reply goes through ({@link ShownText})
     * @param overviews {@code /outline}, {@code /summary} and {@code /search}
     */
    public DefaultEpisodeBot(KnowledgeBase knowledge, QuestionAnswerer answerer, ConversationMemories memories,
            FileFeedbackRecorder feedback, AdminList admins, Limits limits, RateLimiter rateLimiter,
            StateBackend backend, Supplier<List<Connection>> connections, Runnable reload, ShownText shown,
            EpisodeOverviews overviews) {
        this.knowledge = knowledge;
        this.answerer = answerer;
        this.memories = memories;
        this.feedback = feedback;
        this.admins = admins;
        this.limits = limits;
        this.rateLimiter = rateLimiter;
        this.backend = backend;
        this.connections = connections;
        this.inFlight = new InFlightLimiter(limits.maxInFlight(), limits.maxQueued(), 60_000);
        this.reload = reload;
        this.shown = shown;
        this.overviews = overviews;
    }

    @Override
    public BotReply handle(BotCommand command, BotRequest request) {
        return handle(command, request, ReplyProgress.NONE);
    }

    /** Drafts of a streamed answer go to {@code progress} through {@link ShownText} too. */
    @Override
    public BotReply handle(BotCommand command, BotRequest request, ReplyProgress progress) {
        ReplyProgress shownProgress = progress == ReplyProgress.NONE ? progress
                : draft -> progress.draft(draft.mapText(shown));
        return dispatch(command, request, shownProgress).mapText(shown);
    }

    private BotReply dispatch(BotCommand command, BotRequest request, ReplyProgress progress) {
        Language language = request.replyLanguage();
        try {
            RateLimiter.Verdict verdict = request.platform() == Platform.CONSOLE ? RateLimiter.Verdict.allow()
                    : rateLimiter.acquire(request.qualifiedUserId());
            if (!verdict.allowed()) {
                Language asked = command == BotCommand.ASK ? Language.detect(InputCleaner.clean(request.text()))
                        : language;
                return BotReply.refusal(BotTexts.rateLimited(asked, verdict.retryAfterSeconds()), asked);
            }
            return switch (command) {
                case ASK -> answerQuestion(request, progress);
                case HELP -> BotTexts.help(language, titles());
                case SOURCES -> BotTexts.sources(language, knowledge.index().sources(), request.direct());
                case NEW -> {
                    memories.forget(request.conversationId());
                    yield BotReply.info(BotTexts.newConversation(language), language);
                }
                case STATUS -> BotReply.of(ReplyKind.STATUS, shown.withoutPaths(BotTexts.status(language, knowledge.index(),
                        knowledge.lastReport(), answerer.usesLlm(), memories.size(), knowledge.knowledgeDir(), backend,
                        connections.get())), language);
                case RELOAD -> reload(request, language);
                case OUTLINE -> overviews.outline(request.withText(InputCleaner.clean(request.text())));
                case SUMMARY -> overviews.summary(request.withText(InputCleaner.clean(request.text())));
                case SEARCH -> overviews.search(request.withText(InputCleaner.clean(request.text())));
            };
        } catch (RuntimeException e) {
            log.error("Unexpected error while handling {} from {}", command.word(), request.platform().id(), e);
            return BotReply.of(ReplyKind.ERROR, BotTexts.internalError(language), language);
        }
    }

    private BotReply answerQuestion(BotRequest request, ReplyProgress progress) {
        String question = InputCleaner.clean(request.text());
        Language language = question.isEmpty() ? request.replyLanguage() : Language.detect(question);
        if (question.isEmpty()) {
            return BotReply.refusal(BotTexts.emptyQuestion(language), language);
        }
        if (question.codePointCount(0, question.length()) > limits.maxQuestionChars()) {
            return BotReply.refusal(BotTexts.tooLong(language, limits.maxQuestionChars()), language);
        }
        if (!inFlight.enter()) {
            return BotReply.of(ReplyKind.BUSY, BotTexts.busy(language), language);
        }
        try {
            Answer answer = answerer.answer(question, memories.history(request.conversationId()), progress);
            // what is remembered (and stored with a vote) is what the user was shown
            BotReply reply = answer.reply().withId(UUID.randomUUID().toString().replace("-", "").substring(0, 16))
                    .mapText(shown);
            memories.remember(request.conversationId(), question, reply.text());
            feedback.remember(reply, question, request.conversationId());
            return reply;
        } finally {
            inFlight.release();
        }
    }

    private BotReply reload(BotRequest request, Language language) {
        if (!admins.isAdmin(request)) {
            log.info("Refused reload for non-admin {}:{}", request.platform().id(), request.userId());
            return BotReply.refusal(BotTexts.notAdmin(language), language);
        }
        reload.run();
        RefreshReport report = knowledge.lastReport();
        return BotReply.info(shown.withoutPaths(BotTexts.reloaded(language, report)), language);
    }

    @Override
    public List<String> episodeTitles() {
        return titles();
    }

    private List<String> titles() {
        return knowledge.index().sources().stream().map(SourceSummary::title).distinct().toList();
    }
}
