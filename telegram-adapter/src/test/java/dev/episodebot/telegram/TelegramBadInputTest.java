package dev.episodebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Citation;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.testing.BadInputs;
import dev.episodebot.telegram.fake.FakeHtml;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.fake.Incoming;
import dev.episodebot.telegram.fake.RecordedCall;
import dev.episodebot.telegram.fake.SentMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 200+ hostile inputs of {@link BadInputs} sent to the real adapter, with a core that echoes
 * them back in the answer and the citation (the worst an LLM could do): Telegram (the strict fake)
 * accepts every message at once, no part exceeds 4096 characters, polling survives, and in a group
 * the unmentioned inputs get no reply at all.
 */
class TelegramBadInputTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private FakeTelegramServer server;
    private TelegramAdapter adapter;
    private final StubCore core = new StubCore();

    @BeforeEach
    void setUp() throws Exception {
        server = FakeTelegramServer.start().expectToken(TelegramAdapterTest.TOKEN);
        core.answerWith((command, request) -> core.answer("You said: " + request.text(), List.of(
                new Citation("notes/" + request.text().substring(0, Math.min(40, request.text().length())) + ".txt", 1, 2,
                        null, null, null, request.text(), null))));
        TelegramConfig config = TelegramConfig.from(new Env(Map.of(
                "TELEGRAM_BOT_TOKEN", TelegramAdapterTest.TOKEN,
                "TELEGRAM_API_URL", server.url(),
                "DATA_DIR", dataDir.toString())));
        adapter = new TelegramAdapter(config.withTuning(new TelegramTuning(4, 100, Duration.ofSeconds(5),
                Duration.ofMillis(20), Duration.ofMillis(100), 3, Duration.ofSeconds(5), Duration.ofSeconds(4),
                Duration.ofSeconds(5))), core, core);
        adapter.start();
    }

    @AfterEach
    void tearDown() {
        adapter.close();
        server.close();
    }

    @Test
    void everyHostileInputIsAnsweredWithMarkupTelegramAccepts() throws Exception {
        List<BadInputs.BadInput> inputs = BadInputs.all();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(200);
        long user = 5000;
        for (BadInputs.BadInput input : inputs) {
            if (input.text().isEmpty()) {
                continue; // Telegram never delivers a message without text
            }
            // WHEN a user sends the input in a private chat
            Incoming question = server.privateMessage(++user, input.text());

            // THEN a reply arrives, every part valid HTML within the limit
            SentMessage reply = server.awaitReplyTo(user, question.messageId(), WAIT);
            assertThat(reply).as(input.label()).isNotNull();
            for (SentMessage part : server.sentTo(user)) {
                assertThat(part.text().length()).as(input.label()).isLessThanOrEqualTo(FakeTelegramServer.MAX_TEXT);
                assertThat(FakeHtml.isValid(part.text())).as(input.label()).isTrue();
            }
        }
        // AND Telegram never had to reject markup (no plain-text resend was needed)
        assertThat(server.calls("sendMessage")).allMatch(RecordedCall::ok);
        assertThat(server.sentMessages()).allMatch(m -> m.parseMode() != null);
        assertThat(adapter.isConnected()).isTrue();
    }

    @Test
    void unmentionedHostileInputsInAGroupGetNoReply() throws Exception {
        long group = -100777;
        for (BadInputs.BadInput input : BadInputs.all()) {
            if (input.text().contains("@" + FakeTelegramServer.BOT_USERNAME) || input.text().startsWith("/")) {
                continue;
            }
            server.groupMessage(group, 6000, input.text());
        }
        // a mention afterwards is answered, so the silence above is the group rule, not a dead adapter
        Incoming mention = server.groupMessage(group, 6001, "@" + FakeTelegramServer.BOT_USERNAME + " hello");
        server.awaitReplyTo(group, mention.messageId(), WAIT);
        assertThat(server.sentTo(group)).hasSize(1);
    }
}
