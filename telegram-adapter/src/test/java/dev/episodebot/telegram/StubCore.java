package dev.episodebot.telegram;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Citation;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.Vote;
import dev.episodebot.core.config.AdminList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A stand-in for the core: records every request and answers like the core would, without
 * retrieval. Questions get an {@link ReplyKind#ANSWER} with an id and a citation; {@code /reload}
 * is refused to everyone but {@link #ADMIN_ID} (matched through the core's own {@link AdminList});
 * {@code /help} names the episode. Tests replace the behaviour with {@link #answerWith}. It is
 * also the {@link FeedbackRecorder}: votes on ids it issued are recorded.
 */
final class StubCore implements EpisodeBot, FeedbackRecorder {

    static final long ADMIN_ID = 42;
    static final String EPISODE = "Yi Tay returns to Google";
    static final Citation CITATION = new Citation("episode-yi-tay-returns-to-google.txt", 12, 14, "00:03:05",
            "00:03:20", "https://www.youtube.com/watch?v=abc&t=185", "Reka 的技术团队大概有 15 个人。", EPISODE);

    record Call(BotCommand command, BotRequest request) {
    }

    record VoteCall(String replyId, Platform platform, String userId, Vote vote) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<VoteCall> votes = new CopyOnWriteArrayList<>();
    private final Set<String> issuedIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AdminList admins = AdminList.parse("BOT_ADMINS", "telegram:" + ADMIN_ID);
    private volatile BiFunction<BotCommand, BotRequest, BotReply> behaviour = this::likeTheCore;

    /** Replaces how requests are answered. */
    StubCore answerWith(BiFunction<BotCommand, BotRequest, BotReply> newBehaviour) {
        behaviour = newBehaviour;
        return this;
    }

    @Override
    public BotReply handle(BotCommand command, BotRequest request) {
        calls.add(new Call(command, request));
        return behaviour.apply(command, request);
    }

    @Override
    public boolean record(String replyId, Platform platform, String userId, Vote vote) {
        votes.add(new VoteCall(replyId, platform, userId, vote));
        return issuedIds.contains(replyId);
    }

    /** An answer with a fresh feedback id. */
    BotReply answer(String text, List<Citation> citations) {
        String id = "r" + nextId.getAndIncrement();
        issuedIds.add(id);
        return new BotReply(id, text, citations, true, Language.detect(text), ReplyKind.ANSWER);
    }

    /** An extractive answer with a fresh feedback id: the citation's quote, its line the lead. */
    BotReply quoted(Citation citation) {
        String id = "r" + nextId.getAndIncrement();
        issuedIds.add(id);
        BotReply.Builder reply = BotReply.builder(ReplyKind.ANSWER, Language.detect(citation.quote())).id(id);
        return reply.leadFromQuote(reply.quote(citation, List.of(citation.quote().split("\n")), 0)).build();
    }

    private BotReply likeTheCore(BotCommand command, BotRequest request) {
        Language language = Language.detect(request.text());
        return switch (command) {
            case ASK -> request.text().contains("Reka")
                    ? quoted(CITATION)
                    : answer("You asked: " + request.text(), List.of(CITATION));
            case HELP -> BotReply.of(ReplyKind.HELP, request.replyLanguage() == Language.ZH
                    ? "关于这期节目，尽管问我：" + EPISODE + "。" : "Ask me about the episode: " + EPISODE + ".",
                    request.replyLanguage());
            case RELOAD -> admins.isAdmin(request)
                    ? BotReply.info("Reloaded the knowledge folder.", language)
                    : BotReply.refusal("Only admins can reload the knowledge folder.", language);
            default -> BotReply.info(command.word() + " done.", language);
        };
    }
}
