package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.fake.Incoming;
import dev.episodebot.telegram.fake.RecordedCall;
import dev.episodebot.telegram.fake.SentMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 9 of the red-team pass: with {@code MAX_IN_FLIGHT=1}, SIGTERM while one question is
 * answered and two wait: the one in flight and the queued one that fits in the grace period are
 * answered before the exit; the queued one that does not fit gets nothing (no half answer, no
 * "busy"), its update is not marked handled, and after the restart Telegram delivers it again and
 * it is answered, once. A real child JVM runs {@code run}, twice, against the fake Telegram server.
 */
class QueuedQuestionsAtShutdownTest {

    private static final String QUESTION = "Reka 的技术团队有多少人？";

    @TempDir
    Path temp;

    private Process start(FakeTelegramServer telegram, FakeChatServer llm, Path log) throws Exception {
        Map<String, String> env = BotProcess.env(temp, telegram, llm, "60");
        env.put("MAX_IN_FLIGHT", "1");
        return BotProcess.run(env, log);
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static boolean typingIn(FakeTelegramServer telegram, long chatId) {
        for (RecordedCall call : telegram.calls("sendChatAction")) {
            if (call.params().path("chat_id").asLong() == chatId) {
                return true;
            }
        }
        return false;
    }

    private static List<SentMessage> repliesTo(FakeTelegramServer telegram, long chatId, Incoming question) {
        // a streamed answer's draft that was taken back (deleted) at the shutdown is no reply
        return telegram.sentTo(chatId).stream().filter(m -> m.replyToMessageId() != null
                && m.replyToMessageId() == question.messageId() && !telegram.deleted(chatId, m.messageId())).toList();
    }

    @Test
    void sigtermAnswersWhatFitsInTheGraceAndLeavesTheRestForTelegramToDeliverAgain() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start();
                FakeChatServer llm = FakeChatServer.start()) {
            // GIVEN the bot with one question at a time; the LLM takes 3 s for the first two questions, 30 s after
            llm.enqueue(FakeChatServer.Reply.delayed(Duration.ofSeconds(3), FakeChatServer.Reply.text("不到 15 人。[L114]")));
            llm.enqueue(FakeChatServer.Reply.delayed(Duration.ofSeconds(3), FakeChatServer.Reply.text("不到 15 人。[L114]")));
            llm.otherwise(FakeChatServer.Reply.delayed(Duration.ofSeconds(30), FakeChatServer.Reply.text("太慢了。[L114]")));
            Path firstLog = temp.resolve("first.log");
            Process bot = start(telegram, llm, firstLog);
            Incoming a;
            Incoming b;
            Incoming c;
            try {
                telegram.awaitArrivals("getUpdates", 1, Duration.ofSeconds(120));

                // WHEN one user's question is being answered and two other users' questions wait behind it
                a = telegram.privateMessage(1001, QUESTION);
                await("first LLM call", Duration.ofSeconds(60), () -> llm.requestCount() == 1);
                b = telegram.privateMessage(1002, QUESTION);
                c = telegram.privateMessage(1003, QUESTION);
                await("both queued", Duration.ofSeconds(30), () -> typingIn(telegram, 1002) && typingIn(telegram, 1003));
                bot.destroy(); // SIGTERM

                // THEN the bot exits 0 after the grace period
                assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
                assertThat(bot.exitValue()).as(Files.readString(firstLog)).isZero();
            } finally {
                bot.destroyForcibly();
            }
            // AND the question in flight and one queued question were answered; the other queued one got nothing
            assertThat(repliesTo(telegram, 1001, a)).hasSize(1)
                    .allMatch(m -> telegram.shownText(1001, m.messageId()).contains("不到 15 人"));
            int bBefore = repliesTo(telegram, 1002, b).size();
            int cBefore = repliesTo(telegram, 1003, c).size();
            assertThat(bBefore + cBefore).as(Files.readString(firstLog)).isEqualTo(1);
            Incoming cut = bBefore == 0 ? b : c;
            long cutChat = bBefore == 0 ? 1002 : 1003;

            // WHEN the bot starts again (with a prompt LLM now)
            llm.otherwise(FakeChatServer.Reply.text("不到 15 人。[L114]"));
            Path secondLog = temp.resolve("second.log");
            Process restarted = start(telegram, llm, secondLog);
            try {
                // THEN Telegram delivers the cut question again and it is answered
                SentMessage answer = telegram.awaitReplyTo(cutChat, cut.messageId(), Duration.ofSeconds(120));
                // (a streamed answer: the message is edited until it holds the whole answer)
                telegram.awaitShownText(cutChat, answer.messageId(), t -> t.contains("不到 15 人"), Duration.ofSeconds(30));
                Thread.sleep(1_500);
                // AND nothing is answered twice
                assertThat(repliesTo(telegram, 1001, a)).hasSize(1);
                assertThat(repliesTo(telegram, 1002, b)).hasSize(1);
                assertThat(repliesTo(telegram, 1003, c)).hasSize(1);
                assertThat(Files.readString(firstLog)).contains("Telegram delivers it again after the restart");
                restarted.destroy();
                assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                restarted.destroyForcibly();
            }
        }
    }
}
