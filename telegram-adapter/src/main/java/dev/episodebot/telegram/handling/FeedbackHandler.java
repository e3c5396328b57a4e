package dev.episodebot.telegram.handling;

import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.Platform;
import dev.episodebot.telegram.http.TokenMasker;
import dev.episodebot.telegram.send.TelegramSender;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * A press on 👍 or 👎: the vote goes to the core's {@link FeedbackRecorder}, and the press is always
 * answered (otherwise the button keeps spinning) with a short thank-you in the presser's language.
 */
public final class FeedbackHandler {

    private static final Logger log = LoggerFactory.getLogger(FeedbackHandler.class);

    private final FeedbackRecorder recorder;
    private final TelegramSender sender;
    private final TokenMasker masker;

    public FeedbackHandler(FeedbackRecorder recorder, TelegramSender sender, TokenMasker masker) {
        this.recorder = recorder;
        this.sender = sender;
        this.masker = masker;
    }

    public void handle(CallbackQuery query) {
        Optional<FeedbackButtons.FeedbackVote> vote = FeedbackButtons.parse(query.getData());
        String text = null;
        if (vote.isPresent()) {
            boolean chinese = query.getFrom() != null && query.getFrom().getLanguageCode() != null
                    && query.getFrom().getLanguageCode().toLowerCase(Locale.ROOT).startsWith("zh");
            text = record(query, vote.get())
                    ? (chinese ? "感谢反馈！" : "Thanks for the feedback!")
                    : (chinese ? "抱歉，这条回答已无法评价。" : "Sorry, this answer can no longer be rated.");
        } else {
            log.debug("Ignoring callback data that is not feedback.");
        }
        try {
            sender.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).build());
        } catch (TelegramApiException e) {
            log.warn("Could not answer a button press: {}", masker.describe(e));
        }
    }

    private boolean record(CallbackQuery query, FeedbackButtons.FeedbackVote vote) {
        try {
            return recorder.record(vote.replyId(), Platform.TELEGRAM, TelegramIds.userId(query.getFrom()),
                    vote.vote());
        } catch (RuntimeException e) {
            log.error("Recording a vote failed", masker.redact(e));
            return false;
        }
    }
}
