package dev.episodebot.telegram.handling;

import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Routes an update: new messages to the {@link MessageHandler}, button presses to the {@link ButtonHandler}. */
public final class UpdateHandler implements Consumer<Update> {

    private final MessageHandler messages;
    private final ButtonHandler buttons;

    public UpdateHandler(MessageHandler messages, ButtonHandler buttons) {
        this.messages = messages;
        this.buttons = buttons;
    }

    @Override
    public void accept(Update update) {
        try {
            if (update.hasMessage()) {
                messages.handle(update.getMessage());
            } else if (update.hasCallbackQuery()) {
                buttons.handle(update.getCallbackQuery());
            }
        } catch (TelegramApiException e) {
            throw new ReplyNotDeliveredException(update.getUpdateId(), e);
        }
    }

    /** A reply could not be delivered; logged by the intake (with the token masked). */
    public static final class ReplyNotDeliveredException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ReplyNotDeliveredException(Integer updateId, TelegramApiException cause) {
            super("Could not deliver the reply to update " + updateId, cause);
        }
    }
}
