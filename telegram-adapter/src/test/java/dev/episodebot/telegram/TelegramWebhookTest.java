package dev.episodebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.config.Env;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.fake.Incoming;
import dev.episodebot.telegram.fake.RecordedCall;
import dev.episodebot.telegram.fake.SentMessage;
import dev.episodebot.telegram.http.TokenMasker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook mode end to end: the real telegrambots client sets the webhook on {@link FakeTelegramServer},
 * which then posts updates to the adapter's endpoint as Telegram does; answers go out by Bot API call.
 */
class TelegramWebhookTest {

    static final String TOKEN = "123456:TEST-token";
    static final String SECRET = "s3cret-0123456789-abcdefghij";
    static final String PUBLIC_URL = "https://bot.example.org/telegram/hook";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long USER = 1001;

    @TempDir
    Path dataDir;

    FakeTelegramServer server;
    StubCore core;
    final List<TelegramAdapter> adapters = new ArrayList<>();

    @BeforeEach
    void setUp() {
        CapturingAppender.clear();
        server = FakeTelegramServer.start().expectToken(TOKEN);
        core = new StubCore();
    }

    @AfterEach
    void tearDown() {
        adapters.forEach(TelegramAdapter::close);
        server.close();
        // THEN no log line holds the token or the webhook secret
        TokenMasker masker = new TokenMasker(TOKEN);
        assertThat(CapturingAppender.events()).noneMatch(masker::containsToken).noneMatch(e -> e.contains(SECRET));
    }

    TelegramAdapter startAdapter() throws Exception {
        TelegramConfig config = TelegramConfig.from(new Env(Map.of(
                "TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", server.url(),
                "DATA_DIR", dataDir.toString(),
                "TELEGRAM_WEBHOOK_URL", PUBLIC_URL,
                "TELEGRAM_WEBHOOK_SECRET", SECRET)));
        config = config.withWebhook(config.webhook().withPort(0)).withTuning(new TelegramTuning(4, 100,
                Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(100), 3, Duration.ofSeconds(5),
                Duration.ofSeconds(4), Duration.ofSeconds(5)));
        TelegramAdapter adapter = new TelegramAdapter(config, core, core);
        adapters.add(adapter);
        adapter.start();
        return adapter;
    }

    private static String target(TelegramAdapter adapter) {
        return adapter.webhookLocalUrl().orElseThrow();
    }

    @Test
    void startsByListeningThenSettingTheWebhookWithTheSecretAndTheUpdateTypesAndNeverPolls() throws Exception {
        // WHEN the adapter starts in webhook mode
        TelegramAdapter adapter = startAdapter();

        // THEN it set the webhook to the public URL with the secret and the two update types it handles
        RecordedCall set = server.calls("setWebhook").get(0);
        assertThat(set.params().path("url").asText()).isEqualTo(PUBLIC_URL);
        assertThat(set.params().path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(set.params().path("allowed_updates").toString()).contains("message", "callback_query");
        // AND it listens on loopback on the path of that URL, never polls and never deletes the webhook
        assertThat(target(adapter)).startsWith("http://127.0.0.1:").endsWith("/telegram/hook");
        assertThat(adapter.isConnected()).isTrue();
        assertThat(server.calls("getUpdates")).isEmpty();
        assertThat(server.calls("deleteWebhook")).isEmpty();

        // WHEN it closes, THEN its endpoint no longer takes requests (Telegram goes to another instance)
        adapter.close();
        assertThat(adapter.isConnected()).isFalse();
        assertThat(server.postWebhook(target(adapter), SECRET, server.privateMessage(USER, "late"))).isEqualTo(-1);
    }

    @Test
    void aRequestWithoutTheRightSecretGets401AndIsNeverAnswered() throws Exception {
        // GIVEN a running adapter
        TelegramAdapter adapter = startAdapter();
        Incoming forged = server.privateMessage(USER, "forged question");

        // WHEN requests come with a wrong secret, with none, and with the secret's first half
        int wrong = server.postWebhook(target(adapter), "not-the-secret-0123456789", forged);
        int none = server.postWebhook(target(adapter), null, forged);
        int half = server.postWebhook(target(adapter), SECRET.substring(0, SECRET.length() / 2), forged);

        // THEN each gets 401
        assertThat(List.of(wrong, none, half)).containsOnly(401);

        // WHEN a request then comes with the right secret
        Incoming genuine = server.privateMessage(USER, "genuine question");
        assertThat(server.postWebhook(target(adapter), SECRET, genuine)).isEqualTo(200);

        // THEN only that one is answered: the core saw one question, one message went out
        server.awaitReplyTo(USER, genuine.messageId(), WAIT);
        assertThat(core.calls).extracting(c -> c.request().text()).containsExactly("genuine question");
        assertThat(server.sentMessages()).hasSize(1);
    }

    @Test
    void theRightSecretGets200BeforeTheAnswerExistsAndTheAnswerGoesOutByApiCall() throws Exception {
        // GIVEN a core that does not answer until the test lets it
        TelegramAdapter adapter = startAdapter();
        CountDownLatch answer = new CountDownLatch(1);
        core.answerWith((command, request) -> {
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return core.answer("You asked: " + request.text(), List.of(StubCore.CITATION));
        });
        Incoming question = server.privateMessage(USER, "Reka 有多少人？");

        // WHEN Telegram posts the update
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(
                () -> server.postWebhook(target(adapter), SECRET, question));

        // THEN the 200 comes back while the answer is still being made (were it made first, this would time out)
        assertThat(status.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(answer.getCount()).isEqualTo(1);
        assertThat(server.sentMessages()).isEmpty();

        // WHEN the core answers, THEN the answer goes out as a sendMessage call replying to the question
        answer.countDown();
        SentMessage reply = server.awaitReplyTo(USER, question.messageId(), WAIT);
        assertThat(reply.plainText()).contains("You asked: Reka 有多少人？");
        assertThat(core.calls).singleElement().satisfies(c -> assertThat(c.command()).isEqualTo(BotCommand.ASK));
    }

    @Test
    void anUpdateDeliveredTwiceIsAnsweredOnceAndOneChatIsAnsweredInOrder() throws Exception {
        // GIVEN an adapter taking Telegram's pushes, and a core whose first answer waits until three questions came
        TelegramAdapter adapter = startAdapter();
        server.deliverByWebhook(List.of(target(adapter)));
        CountDownLatch three = new CountDownLatch(1);
        core.answerWith((command, request) -> {
            if (request.text().equals("一")) {
                try {
                    three.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return core.answer("答：" + request.text(), List.of());
        });

        // WHEN one chat sends three questions, and the first is delivered a second time (Telegram retried it)
        Incoming first = server.privateMessage(USER, "一");
        server.privateMessage(USER, "二");
        server.privateMessage(USER, "三");
        server.awaitWebhookDeliveries(3, WAIT);
        assertThat(server.postWebhook(target(adapter), SECRET, first)).isEqualTo(200);
        three.countDown();

        // THEN three answers go out, in the order asked, and the duplicate is not answered
        List<SentMessage> sent = server.awaitSentMessages(3, WAIT);
        assertThat(sent).extracting(SentMessage::plainText).containsExactly("答：一", "答：二", "答：三");
        assertThat(core.calls).hasSize(3);
    }
}
