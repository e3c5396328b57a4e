package dev.episodebot.telegram.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.state.DeliveryLedger;
import dev.episodebot.telegram.http.TokenMasker;
import dev.episodebot.telegram.polling.ChatSerialExecutor;
import dev.episodebot.telegram.polling.UpdateRun;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * What the {@link WebhookServer} hands each update to, before it answers 200: parses it and queues
 * it on the {@link ChatSerialExecutor} under its chat (one chat in the order its updates arrived).
 * On the worker, in that order, the update is claimed in the {@link DeliveryLedger} (shared by
 * every instance when {@code REDIS_URL} is set, so an update Telegram delivers twice, or to two
 * instances, is answered once), handled, and its claim completed; an update the shutdown cut is
 * released. The HTTP thread never waits for the ledger (a slow Redis) or the answer.
 */
public final class WebhookIntake implements Consumer<byte[]> {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private static final String AFTER_CUT = "Telegram had its 200 already and does not send it again.";
    private static final byte[] WARM_UP = ("{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":0,"
            + "\"chat\":{\"id\":1,\"type\":\"private\"},\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"a\"},"
            + "\"text\":\"a\"},\"callback_query\":null}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final ObjectMapper json = new ObjectMapper();
    private final long botId;
    private final DeliveryLedger ledger;
    private final ChatSerialExecutor executor;
    private final Consumer<Update> handler;
    private final TokenMasker masker;

    /** @param botId the bot's Telegram id: update ids count per bot, so ledger keys name it */
    public WebhookIntake(long botId, DeliveryLedger ledger, ChatSerialExecutor executor, Consumer<Update> handler,
            TokenMasker masker) {
        this.botId = botId;
        this.ledger = ledger;
        this.executor = executor;
        this.handler = handler;
        this.masker = masker;
        warmUp();
    }

    /** The first parse of an {@link Update} builds Jackson's deserializers (tens of milliseconds): done here, not in a request. */
    private void warmUp() {
        try {
            json.readValue(WARM_UP, Update.class);
        } catch (IOException e) {
            log.debug("Warming up the update parser failed: {}", e.toString());
        }
    }

    @Override
    public void accept(byte[] body) {
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            log.warn("Ignoring a webhook request that is not a Telegram update ({}).", e.getClass().getSimpleName());
            return;
        }
        Integer id = update.getUpdateId();
        if (id == null) {
            log.warn("Ignoring a Telegram update without update_id.");
            return;
        }
        String key = "telegram:" + botId + ":" + id;
        try {
            boolean taken = executor.submit(UpdateRun.chatKey(update), () -> handle(key, id, update));
            if (!taken) {
                log.warn("Telegram update {} came while shutting down and is not answered.", id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Telegram update {} came while shutting down and is not answered.", id);
        }
    }

    private void handle(String key, int id, Update update) {
        if (!ledger.claim(key)) {
            log.info("Ignoring Telegram update {}: it was taken before (delivered again, or to another instance).", id);
            return;
        }
        if (UpdateRun.handle(id, update, handler, masker, AFTER_CUT)) {
            ledger.complete(key);
        } else {
            ledger.release(key);
        }
    }
}
