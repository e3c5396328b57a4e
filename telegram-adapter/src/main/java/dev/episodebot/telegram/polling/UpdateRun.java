package dev.episodebot.telegram.polling;

import dev.episodebot.telegram.http.TokenMasker;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;

/**
 * Handling one received update, however it came (long polling or webhook): the key that keeps one
 * chat's updates in order, and running the handler so that nothing it throws escapes, with the
 * token masked in the log.
 */
public final class UpdateRun {

    private static final Logger log = LoggerFactory.getLogger(UpdateRun.class);

    private UpdateRun() {}

    /**
     * Runs {@code handler} on {@code update}.
     *
     * @param afterCut what becomes of an update cut by the shutdown, for the log (a sentence)
     * @return true when the update is handled (answered, ignored or failed for good); false when the
     *     shutdown cut it ({@link UpdateIntake.ShutdownCutException}, or a failure while interrupted),
     *     so it should be delivered again
     */
    public static boolean handle(int id, Update update, Consumer<Update> handler, TokenMasker masker,
            String afterCut) {
        try {
            handler.accept(update);
        } catch (UpdateIntake.ShutdownCutException e) {
            log.info("Telegram update {} was not answered before the shutdown; {}", id, afterCut);
            return false;
        } catch (Throwable t) {
            if (Thread.currentThread().isInterrupted()) {
                log.info("Telegram update {} was cut by the shutdown ({}); {}", id, t.getClass().getSimpleName(),
                        afterCut);
                return false;
            }
            log.error("Handling Telegram update {} failed", id, masker.redact(t));
        }
        return true;
    }

    /** Updates of one chat share a key, so they are handled in order. */
    public static Object chatKey(Update update) {
        if (update.hasMessage() && update.getMessage().getChatId() != null) {
            return update.getMessage().getChatId();
        }
        if (update.hasCallbackQuery()) {
            MaybeInaccessibleMessage message = update.getCallbackQuery().getMessage();
            if (message != null && message.getChatId() != null) {
                return message.getChatId();
            }
            if (update.getCallbackQuery().getFrom() != null) {
                return "user:" + update.getCallbackQuery().getFrom().getId();
            }
        }
        return "other";
    }
}
