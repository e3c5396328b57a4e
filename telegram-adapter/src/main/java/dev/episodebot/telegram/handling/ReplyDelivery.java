package dev.episodebot.telegram.handling;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.render.Continuations;
import dev.episodebot.core.render.MessagePart;
import dev.episodebot.core.render.ReplyLimits;
import dev.episodebot.core.render.ReplyPages;
import dev.episodebot.telegram.render.ReplyRenderer;
import dev.episodebot.telegram.send.ChatTarget;
import dev.episodebot.telegram.send.TelegramSender;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Sends a rendered reply, at most {@code MAX_REPLY_MESSAGES} messages of it: the rest is kept
 * (bounded) behind a "more" button on the last message shown, and sent a page at a time when the
 * button is pressed; a list reply that comes in pages ({@link ReplyPages}: search results, outline
 * sections) shows one page per press. Vote buttons go on the last message of the first page.
 */
public final class ReplyDelivery {

    private final ReplyRenderer renderer;
    private final TelegramSender sender;
    private final int cap;
    private final Continuations<MessagePart> continuations;

    public ReplyDelivery(ReplyRenderer renderer, TelegramSender sender, ReplyLimits limits) {
        this.renderer = renderer;
        this.sender = sender;
        this.cap = limits.maxMessages();
        this.continuations = limits.continuations(part -> part.markup().length() + part.plain().length());
    }

    /** Sends the first page of {@code reply}, the first message replying to {@code replyTo} (if any). */
    public void deliver(ChatTarget target, Integer replyTo, BotReply reply) throws TelegramApiException {
        List<List<MessagePart>> pages = ReplyPages.of(reply).stream().map(renderer::render).toList();
        Continuations.Page<MessagePart> page = continuations.firstOfPages(pages, cap, reply.language());
        sender.sendReply(target, replyTo, page.shown(),
                ReplyKeyboards.of(reply, page.moreKey(), page.left(), page.language()));
    }

    /**
     * Sends the next page of the continuation {@code key}.
     *
     * @return false when the continuation is unknown (expired, or shown already)
     */
    public boolean deliverMore(ChatTarget target, String key) throws TelegramApiException {
        Optional<Continuations.Page<MessagePart>> page = continuations.nextPage(key, cap);
        if (page.isEmpty()) {
            return false;
        }
        sender.sendReply(target, null, page.get().shown(),
                ReplyKeyboards.of(null, page.get().moreKey(), page.get().left(), page.get().language()));
        return true;
    }
}
