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
import dev.episodebot.telegram.http.TokenMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Sends a rendered reply, at most {@code MAX_REPLY_MESSAGES} messages of it: the rest is kept
 * (bounded) behind a "more" button on the last message shown, and sent a page at a time when the
 * button is pressed; a list reply that comes in pages ({@link ReplyPages}: search results, outline
 * sections) shows one page per press. Vote buttons go on the last message of the first page. A
 * streamed answer's final reply replaces the drafts in the message that showed them.
 */
public final class ReplyDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReplyDelivery.class);

    private final ReplyRenderer renderer;
    private final TelegramSender sender;
    private final int cap;
    private final Continuations<MessagePart> continuations;
    private final TokenMasker masker;

    public ReplyDelivery(ReplyRenderer renderer, TelegramSender sender, ReplyLimits limits, TokenMasker masker) {
        this.renderer = renderer;
        this.sender = sender;
        this.masker = masker;
        this.cap = limits.maxMessages();
        this.continuations = limits.continuations(part -> part.markup().length() + part.plain().length());
    }

    /** Sends the first page of {@code reply}, the first message replying to {@code replyTo} (if any). */
    public void deliver(ChatTarget target, Integer replyTo, BotReply reply) throws TelegramApiException {
        Continuations.Page<MessagePart> page = firstPage(reply);
        sender.sendReply(target, replyTo, page.shown(),
                ReplyKeyboards.of(reply, page.moreKey(), page.left(), page.language()));
    }

    private Continuations.Page<MessagePart> firstPage(BotReply reply) {
        List<List<MessagePart>> pages = ReplyPages.of(reply).stream().map(renderer::render).toList();
        return continuations.firstOfPages(pages, cap, reply.language());
    }

    /** A message that shows the drafts of a streamed answer to {@code replyTo}, paced for Telegram. */
    public StreamedMessage streamed(ChatTarget target, Integer replyTo) {
        return new StreamedMessage(sender, renderer, masker, target, replyTo, StreamedMessage.EDIT_INTERVAL,
                System::nanoTime);
    }

    /**
     * Delivers the final {@code reply} of a streamed answer: into the message that showed its drafts
     * (its first message; the others follow as new messages, buttons on the last), or, when no draft
     * was shown or that edit fails, as a new reply (the draft message is then deleted, so no
     * unchecked text stays).
     */
    public void deliver(ChatTarget target, Integer replyTo, BotReply reply, StreamedMessage streamed)
            throws TelegramApiException {
        if (streamed == null || streamed.messageId() == null) {
            deliver(target, replyTo, reply);
            return;
        }
        Continuations.Page<MessagePart> page = firstPage(reply);
        InlineKeyboardMarkup keyboard = ReplyKeyboards.of(reply, page.moreKey(), page.left(), page.language());
        List<MessagePart> shown = page.shown();
        try {
            sender.editPart(target, streamed.messageId(), shown.get(0), shown.size() == 1 ? keyboard : null, true);
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Could not put the final answer into its streamed message ({}); sending it anew.",
                    masker.describe(e));
            discard(streamed);
            sender.sendReply(target, replyTo, shown, keyboard);
            return;
        }
        if (shown.size() > 1) {
            sender.sendReply(target, null, shown.subList(1, shown.size()), keyboard);
        }
    }

    /** Deletes the message that showed a streamed answer's drafts, if any (best effort). */
    public void discard(StreamedMessage streamed) {
        if (streamed != null && streamed.messageId() != null) {
            sender.tryExecute(DeleteMessage.builder().chatId(streamed.target().chatId())
                    .messageId(streamed.messageId()).build());
        }
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
