package dev.episodebot.telegram.handling;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.ReplyProgress;
import dev.episodebot.core.render.MessagePart;
import dev.episodebot.telegram.http.TokenMasker;
import dev.episodebot.telegram.render.ReplyRenderer;
import dev.episodebot.telegram.send.ChatTarget;
import dev.episodebot.telegram.send.TelegramSender;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The message that shows a streamed answer while it is written: the first draft is sent as a reply
 * to the question, later drafts edit it ({@code editMessageText}), at most once per
 * {@link #EDIT_INTERVAL} (one chat's messages are answered one at a time, so this is also the
 * pace per chat). A 429 pauses the drafts for its {@code retry_after} instead of blocking the
 * answer; any other failure stops them. {@link ReplyDelivery} then puts the final, checked reply
 * into this message (or, when that fails, sends it anew). Used on one answering thread.
 */
public final class StreamedMessage implements ReplyProgress {

    /** The least time between two edits of the message. */
    public static final Duration EDIT_INTERVAL = Duration.ofMillis(1500);

    private static final Logger log = LoggerFactory.getLogger(StreamedMessage.class);

    private final TelegramSender sender;
    private final ReplyRenderer renderer;
    private final TokenMasker masker;
    private final ChatTarget target;
    private final Integer replyTo;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private Integer messageId;
    private String shownMarkup;
    private long nextAt;
    private boolean stopped;

    StreamedMessage(TelegramSender sender, ReplyRenderer renderer, TokenMasker masker, ChatTarget target,
            Integer replyTo, Duration interval, LongSupplier nanoClock) {
        this.sender = sender;
        this.renderer = renderer;
        this.masker = masker;
        this.target = target;
        this.replyTo = replyTo;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextAt = nanoClock.getAsLong();
    }

    @Override
    public void draft(BotReply draft) {
        long now = nanoClock.getAsLong();
        if (stopped || now - nextAt < 0) {
            return;
        }
        MessagePart part = renderer.preview(draft);
        if (part.markup().equals(shownMarkup)) {
            return;
        }
        try {
            if (messageId == null) {
                Message sent = sender.sendPartOnce(target, replyTo, part);
                messageId = sent.getMessageId();
            } else {
                sender.editPart(target, messageId, part, null, false);
            }
            shownMarkup = part.markup();
            nextAt = nanoClock.getAsLong() + intervalNanos;
        } catch (TelegramApiRequestException e) {
            Duration wait = TelegramSender.retryAfter(e);
            if (wait != null) {
                log.info("Telegram rate-limited a streamed draft (429); next draft in {} s at the earliest.",
                        wait.toSeconds());
                nextAt = nanoClock.getAsLong() + Math.max(intervalNanos, wait.toNanos());
            } else {
                stop(e);
            }
        } catch (TelegramApiException | RuntimeException e) {
            stop(e);
        }
    }

    private void stop(Exception e) {
        stopped = true;
        log.warn("Showing a streamed answer stopped ({}); the final answer will still be sent.", masker.describe(e));
    }

    /** The message showing the drafts, or null when none was shown. */
    Integer messageId() {
        return messageId;
    }

    ChatTarget target() {
        return target;
    }
}
