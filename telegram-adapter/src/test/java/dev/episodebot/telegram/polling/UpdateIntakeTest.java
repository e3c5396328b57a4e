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
