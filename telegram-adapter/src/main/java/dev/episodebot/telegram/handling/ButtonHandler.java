package dev.episodebot.telegram.handling;

import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.render.ReplyButtons;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import dev.episodebot.telegram.http.TokenMasker;
import dev.episodebot.telegram.send.ChatTarget;
import dev.episodebot.telegram.send.TelegramSender;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * A press on one of the bot's buttons. 👍/👎 go to the core's {@link FeedbackRecorder} and are
 * thanked in the presser's language; "more" sends the next page of the reply into the same chat
 * (and topic). The press is always answered, otherwise the button keeps spinning.
 */
public final class ButtonHandler {

    private static final Logger log = LoggerFactory.getLogger(ButtonHandler.class);

    private final FeedbackRecorder recorder;
    private final ReplyDelivery delivery;
    private final TelegramSender sender;
    private final TokenMasker masker;

    public ButtonHandler(FeedbackRecorder recorder, ReplyDelivery delivery, TelegramSender sender, TokenMasker masker) {
        this.recorder = recorder;
        this.delivery = delivery;
        this.sender = sender;
        this.masker = masker;
    }

    public void handle(CallbackQuery query) throws TelegramApiException {
        Optional<ReplyButtons.Press> press = ReplyButtons.parse(query.getData());
        Language language = TelegramIds.language(query.getFrom());
        String text = null;
        try {
            if (press.isPresent() && press.get() instanceof ReplyButtons.VotePress vote) {
                text = Catalog.text(language, record(query, vote) ? UiText.FEEDBACK_THANKS : UiText.FEEDBACK_EXPIRED);
            } else if (press.isPresent() && press.get() instanceof ReplyButtons.MorePress more) {
                ChatTarget target = target(query.getMessage());
                if (target == null || !delivery.deliverMore(target, more.key())) {
                    text = Catalog.text(language, UiText.MORE_EXPIRED);
                }
            } else {
                log.debug("Ignoring callback data that is not one of the bot's buttons.");
            }
        } finally {
            answer(query, text);
        }
    }

    private void answer(CallbackQuery query, String text) {
        try {
            sender.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).build());
        } catch (TelegramApiException e) {
            log.warn("Could not answer a button press: {}", masker.describe(e));
        }
    }

    private boolean record(CallbackQuery query, ReplyButtons.VotePress vote) {
        try {
            return recorder.record(vote.replyId(), Platform.TELEGRAM, TelegramIds.userId(query.getFrom()), vote.vote());
        } catch (RuntimeException e) {
            log.error("Recording a vote failed", masker.redact(e));
            return false;
        }
    }

    /** The chat (and topic) of the message the button is under, or null when Telegram did not say. */
    private static ChatTarget target(MaybeInaccessibleMessage message) {
        if (message == null || message.getChatId() == null) {
            return null;
        }
        Integer thread = message instanceof Message m && m.isTopicMessage() ? m.getMessageThreadId() : null;
        return new ChatTarget(message.getChatId(), thread);
    }
}
