package dev.episodebot.telegram.polling;

import dev.episodebot.telegram.http.TokenMasker;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * What telegrambots' polling thread calls with each batch of updates. It returns quickly and never
 * throws (an exception escaping here would stop the library's polling for good): each new update
 * goes to the {@link ChatSerialExecutor} under its chat, and the handler's failures are logged
 * there with the token masked. An update is marked handled in the {@link UpdateLedger} once its
 * handler returned or failed, unless the shutdown cut it ({@link ShutdownCutException}, or a failure
 * while interrupted): then it stays unconfirmed and Telegram delivers it again after the restart.
 */
public final class UpdateIntake implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);

    private final UpdateLedger ledger;
    private final ChatSerialExecutor executor;
    private final Consumer<Update> handler;
    private final TokenMasker masker;

    public UpdateIntake(UpdateLedger ledger, ChatSerialExecutor executor, Consumer<Update> handler,
            TokenMasker masker) {
        this.ledger = ledger;
        this.executor = executor;
        this.handler = handler;
        this.masker = masker;
    }

    @Override
    public void consume(List<Update> updates) {
        for (Update update : updates) {
            try {
                accept(update);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.info("Stopped taking Telegram updates (shutting down).");
                return;
            } catch (Throwable t) {
                log.error("Could not take a Telegram update", masker.redact(t));
            }
        }
    }

    private void accept(Update update) throws InterruptedException {
        Integer id = update.getUpdateId();
        if (id == null) {
            log.warn("Ignoring a Telegram update without update_id.");
            return;
        }
        if (!ledger.admit(id)) {
            log.info("Ignoring Telegram update {}: it was handled before (redelivered).", id);
            return;
        }
        boolean taken = executor.submit(UpdateRun.chatKey(update), () -> handle(id, update));
        if (!taken) {
            log.info("Not handling Telegram update {}: shutting down; it will be delivered again.", id);
        }
    }

    private void handle(int id, Update update) {
        if (UpdateRun.handle(id, update, handler, masker, "Telegram delivers it again after the restart.")) {
            ledger.complete(id);
        } // else not completed: the watermark stays below it
    }

    /**
     * Thrown by a handler whose work was cut by the shutdown before its reply went out: the update
     * is not marked handled, so Telegram delivers it again after the restart.
     */
    public static final class ShutdownCutException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public ShutdownCutException() {
            super("cut by the shutdown", null, false, false);
        }
    }

    /** Nothing to release: the adapter closes the executor. */
    @Override
    public void close() {
    }

    /** Updates of one chat share a key, so they are handled in order. */
    static Object chatKey(Update update) {
        return UpdateRun.chatKey(update);
    }
}
