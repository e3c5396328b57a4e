package dev.episodebot.telegram.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.telegram.http.TokenMasker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateIntakeTest {

    @TempDir
    Path dir;

    @Test
    void neverLetsAHandlerFailureReachThePoller() throws Exception {
        // GIVEN a handler that fails on update 1
        List<Integer> handled = new CopyOnWriteArrayList<>();
        UpdateLedger ledger = new UpdateLedger(new OffsetStore(dir.resolve("o"), Clock.systemUTC()));
        ChatSerialExecutor executor = new ChatSerialExecutor(2, 100, "test");
        UpdateIntake intake = new UpdateIntake(ledger, executor, update -> {
            if (update.getUpdateId() == 1) {
                throw new IllegalStateException("boom");
            }
            handled.add(update.getUpdateId());
        }, new TokenMasker("1:secret-token"));

        // WHEN a batch arrives, then the same updates again
        intake.consume(new ArrayList<>(List.of(update(1, 10), update(2, 10), update(3, 20))));
        intake.consume(new ArrayList<>(List.of(update(2, 10), update(4, 10))));
        assertThat(executor.close(Duration.ofSeconds(5))).isTrue();

        // THEN consume returned normally, the others were handled once, and all are done
        assertThat(handled).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(ledger.watermark()).isEqualTo(4);
    }

    @Test
    void updatesCutByTheShutdownAreNotMarkedHandled() throws Exception {
        // GIVEN one worker, update 1 in one chat answered at once, update 2 in another chat answered slowly
        // (until interrupted) and update 3 queued behind it
        UpdateLedger ledger = new UpdateLedger(new OffsetStore(dir.resolve("o"), Clock.systemUTC()));
        ChatSerialExecutor executor = new ChatSerialExecutor(1, 100, "test");
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        UpdateIntake intake = new UpdateIntake(ledger, executor, update -> {
            if (update.getUpdateId() == 2) {
                started.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // as the core does: the answer is cut
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new UpdateIntake.ShutdownCutException(); // as the message handler does: nothing is sent
            }
        }, new TokenMasker("1:secret-token"));
        intake.consume(new ArrayList<>(List.of(update(1, 20), update(2, 10), update(3, 10))));
        assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // WHEN the shutdown's grace runs out
        assertThat(executor.close(Duration.ofMillis(300))).isFalse();

        // THEN only update 1 counts as handled: Telegram keeps 2 and 3 and delivers them after the restart
        Thread.sleep(200);
        assertThat(ledger.watermark()).isEqualTo(1);
        assertThat(ledger.hasPending()).isTrue();
        UpdateLedger restarted = new UpdateLedger(new OffsetStore(dir.resolve("o"), Clock.systemUTC()));
        assertThat(restarted.admit(1)).isFalse();
        assertThat(restarted.admit(2)).isTrue();
        assertThat(restarted.admit(3)).isTrue();
    }

    @Test
    void keysUpdatesByChat() throws Exception {
        // GIVEN a message and a button press in chat 10, and a press without a message
        Update message = update(1, 10);
        Update press = new ObjectMapper().readValue("""
                {"update_id": 2, "callback_query": {"id": "q", "from": {"id": 5, "is_bot": false, "first_name": "U"},
                 "chat_instance": "c", "data": "fb:u:1",
                 "message": {"message_id": 3, "date": 1700000000, "chat": {"id": 10, "type": "private"}}}}
                """, Update.class);
        Update inline = new ObjectMapper().readValue("""
                {"update_id": 3, "callback_query": {"id": "q", "from": {"id": 5, "is_bot": false, "first_name": "U"},
                 "chat_instance": "c", "data": "x", "inline_message_id": "i"}}
                """, Update.class);

        // WHEN / THEN
        assertThat(UpdateIntake.chatKey(message)).isEqualTo(10L);
        assertThat(UpdateIntake.chatKey(press)).isEqualTo(10L);
        assertThat(UpdateIntake.chatKey(inline)).isEqualTo("user:5");
    }

    static Update update(int id, long chatId) throws Exception {
        return new ObjectMapper().readValue("{\"update_id\": " + id + ", \"message\": {\"message_id\": " + id
                + ", \"date\": 1700000000, \"chat\": {\"id\": " + chatId + ", \"type\": \"private\"}, \"text\": \"t\"}}",
                Update.class);
    }
}
